package dev.askbuild.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.askbuild.compile.Target;
import dev.askbuild.core.Command;
import dev.askbuild.job.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code OUT/manifest.json} of a docker-mode build, written by the one manifest writer ({@link
 * Manifest#write(Path, Object)}). The engine's stage commands each run in their own
 * build stage and none of them sees the whole run, so the manifest is made here from what each left:
 * its {@code --json} result ({@code logs/STAGE-result.json}, exported with the artifacts; a stage
 * BuildKit took from its cache brings the result of the run that made the layer), plus how docker
 * ran each stage and the commands.
 */
final class DockerManifest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DockerManifest() {}

  static void write(Path out, DockerRequest request, List<Command> commands, List<DockerStageRun> stages,
      Map<String, String> artifacts) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("board", request.board());
    root.put("mode", "docker");
    root.put("target", Target.DIST.label());
    // As asked (empty: all of the board's); each stage's own result under "runs" says what it built.
    ArrayNode components = root.putArray("components");
    request.components().forEach(components::add);
    root.put("packages", request.packages().toAbsolutePath().toString());
    ArrayNode names = root.putArray("stages");
    ArrayNode runs = root.putArray("runs");
    for (String stage : BuildLog.STAGES) {
      names.add(stage);
      Path result = out.resolve("logs").resolve(stage + "-result.json");
      if (Files.isRegularFile(result)) {
        runs.add(JSON.readTree(result.toFile()));
        Files.delete(result);
      }
    }
    ArrayNode docker = root.putArray("docker");
    for (DockerStageRun s : stages) {
      ObjectNode node = docker.addObject();
      node.put("stage", s.stage());
      node.put("state", s.state());
      node.put("seconds", s.seconds());
    }
    ArrayNode lines = root.putArray("commands");
    commands.forEach(c -> lines.add(DockerCommandLines.display(c)));
    root.set("artifacts", JSON.valueToTree(new java.util.TreeMap<>(artifacts)));
    Manifest.write(out.resolve("manifest.json"), root);
  }
}
