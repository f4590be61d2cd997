package dev.askbuild.docker;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Command;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code askbuild docker}: stages the context, runs the docker build(s) into {@code OUT/logs/docker.log},
 * reads each engine stage's result from that log and publishes what the build exported into OUT
 * ({@code dist/}, {@code reports/}, {@code manifest.json}, the stages' logs). A failed build
 * publishes nothing and leaves no earlier run's results behind to be mistaken for its own.
 */
public final class DockerBuild {
  /** What the artifacts stage exports, published into OUT one by one. */
  private static final List<String> EXPORTED = List.of("dist", "reports");
  /** What a run leaves in OUT besides its logs, removed before a new run. */
  private static final List<String> PUBLISHED = List.of("dist", "reports", "manifest.json");

  private final ProcessRunner runner;
  private final DockerProbe probe;

  public DockerBuild(ProcessRunner runner, DockerProbe probe) {
    this.runner = runner;
    this.probe = probe;
  }

  /** The command lines of {@code request}, its context staged (and kept) so that they can be run as printed. */
  public DockerResult print(DockerRequest request) throws IOException {
    DockerFlavor flavor = probe.flavor(request.docker());
    Path out = request.out().toAbsolutePath();
    DockerContext.Staged staged = DockerContext.stage(request, contextDir(out), secretsDir(out));
    List<Command> commands = DockerCommandLines.of(request, flavor, staged.dir(), staged.secrets(), exportDir(out));
    return new DockerResult(commands, List.of(), 0, Optional.empty(), "", Map.of(), Map.of(), Optional.empty());
  }

  public DockerResult run(DockerRequest request) throws IOException {
    DockerFlavor flavor = probe.flavor(request.docker());
    probe.requireDaemon(request.docker());
    Path out = Files.createDirectories(request.out().toAbsolutePath());
    Path logs = Files.createDirectories(out.resolve("logs"));
    Path log = logs.resolve("docker.log");
    Files.deleteIfExists(log);
    for (String name : PUBLISHED) {
      FileTrees.deleteRecursively(out.resolve(name));
    }
    Path export = exportDir(out);
    FileTrees.deleteRecursively(export);
    DockerContext.Staged staged = DockerContext.stage(request, contextDir(out), secretsDir(out));
    try {
      List<Command> commands = DockerCommandLines.of(request, flavor, staged.dir(), staged.secrets(), export);
      int dockerExit = 0;
      for (Command command : commands) {
        dockerExit = runner.run(command, log).exitCode();
        if (dockerExit != 0) {
          break;
        }
      }
      BuildLog parsed = BuildLog.parse(Files.readAllLines(log, StandardCharsets.UTF_8));
      if (dockerExit != 0) {
        FileTrees.deleteRecursively(export);
        return failed(commands, parsed, dockerExit, log);
      }
      publish(export, out);
      Map<String, String> artifacts = artifacts(out.resolve("dist"));
      DockerManifest.write(out, request, commands, parsed.stages(), artifacts);
      return new DockerResult(commands, parsed.stages(), 0, Optional.empty(), log.toString(),
          artifacts, parsed.machines(), parsed.contextSize());
    } finally {
      DockerContext.remove(staged);
      FileTrees.deleteQuietly(export);
    }
  }

  /**
   * A failed build in native mode's terms: the first failed stage's own exit code and message, or,
   * when docker failed outside the engine stages (no base image, no network for apt, a bad
   * Dockerfile, the export), a missing environment.
   */
  private static DockerResult failed(List<Command> commands, BuildLog parsed, int dockerExit, Path log)
      throws IOException {
    Optional<DockerStageRun> failure = parsed.firstFailure();
    int exit;
    String message;
    if (failure.isPresent() && failure.get().exitCode().isPresent()) {
      exit = failure.get().exitCode().get();
      message = failure.get().stage() + ": " + failure.get().error().orElse("failed (see " + log + ")");
    } else if (failure.isPresent()) {
      exit = ExitCode.CHECK_FAILED.code();
      message = failure.get().stage() + " failed without a result (see " + log + ")";
    } else {
      exit = ExitCode.ENVIRONMENT.code();
      message = "docker build failed (exit " + dockerExit + ") in a step that is not an engine stage (base image,"
          + " apt, context, export); last lines of " + log + ":\n" + String.join("\n", ProcessRunner.tail(log, 15));
    }
    return new DockerResult(commands, parsed.stages(), exit, Optional.of(message), log.toString(), Map.of(),
        parsed.machines(), parsed.contextSize());
  }

  private static void publish(Path export, Path out) throws IOException {
    for (String name : EXPORTED) {
      Path from = export.resolve(name);
      if (!Files.exists(from)) {
        throw AskBuildException.checkFailed("the docker build exported no " + name + " (in " + export + ")");
      }
      Files.move(from, out.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
    Path stageLogs = export.resolve("logs");
    if (Files.isDirectory(stageLogs)) {
      try (Stream<Path> list = Files.list(stageLogs)) {
        for (Path p : list.toList()) {
          Files.move(p, out.resolve("logs").resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static Map<String, String> artifacts(Path dist) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dist)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        sums.put(dist.relativize(p).toString(), Sha256.ofFile(p));
      }
    }
    return sums;
  }

  static Path contextDir(Path out) {
    return out.resolve(".docker-context");
  }

  static Path secretsDir(Path out) {
    return out.resolve(".docker-secrets");
  }

  static Path exportDir(Path out) {
    return out.resolve(".docker-export");
  }
}
