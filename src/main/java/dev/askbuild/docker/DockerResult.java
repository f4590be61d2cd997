package dev.askbuild.docker;

import dev.askbuild.core.Command;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a docker-mode build: the command lines run (or only printed), each engine stage
 * as the build log tells it, the exit code and message in native mode's terms, and the artifacts
 * exported ({@code name -> sha256}).
 */
public record DockerResult(
    List<Command> commands,
    List<DockerStageRun> stages,
    int exitCode,
    Optional<String> error,
    String log,
    Map<String, String> artifacts,
    Map<String, String> machines,
    Optional<String> contextSize) {
  public DockerResult {
    commands = List.copyOf(commands);
    stages = List.copyOf(stages);
    artifacts = Map.copyOf(artifacts);
    machines = Map.copyOf(machines);
  }
}
