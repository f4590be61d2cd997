package dev.askbuild.docker;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Command;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the docker CLI here can do, and whether a daemon answers it. */
public final class DockerProbe {
  private static final Pattern VERSION = Pattern.compile("version (\\d+)\\.");
  /** From this release on, the docker CLI builds with BuildKit only through the buildx plugin. */
  private static final int BUILDX_ONLY_FROM = 23;

  private final ProcessRunner runner;
  private final Map<String, String> env;

  /** @param env the environment docker runs with (for {@code DOCKER_HOST} in messages) */
  public DockerProbe(ProcessRunner runner, Map<String, String> env) {
    this.runner = runner;
    this.env = Map.copyOf(env);
  }

  /** buildx when the plugin answers, else the classic builder if this CLI still has one. */
  public DockerFlavor flavor(String docker) throws IOException {
    if (succeeds(docker, "buildx", "version")) {
      return DockerFlavor.BUILDX;
    }
    String version = capture(docker, "--version").orElseThrow(() -> AskBuildException.environment(
        "cannot run the docker CLI '" + docker + "': install docker.io (Debian) or Docker's docker-ce-cli,"
            + " or name it with --docker PATH"));
    Matcher m = VERSION.matcher(version);
    if (m.find() && Integer.parseInt(m.group(1)) >= BUILDX_ONLY_FROM) {
      throw AskBuildException.environment(docker + " (" + version.strip() + ") builds with BuildKit only through"
          + " the buildx plugin, which is missing: install docker-buildx-plugin, or run a docker 20.10 CLI"
          + " (Debian's docker.io, /usr/bin/docker) with --docker PATH or ASKBUILD_DOCKER");
    }
    return DockerFlavor.CLASSIC;
  }

  /** Fails with exit 3 and how to point at a daemon when none answers. */
  public String requireDaemon(String docker) throws IOException {
    try {
      return runner.capture(Command.of(Path.of("/"), docker, "version", "--format", "{{.Server.Version}}")).strip();
    } catch (AskBuildException e) {
      if (e.exitCode() != ExitCode.CHECK_FAILED) {
        throw e;
      }
      String host = env.getOrDefault("DOCKER_HOST", "");
      throw AskBuildException.environment("no Docker daemon answers "
          + (host.isEmpty() ? "at the default socket (unix:///var/run/docker.sock)" : "at DOCKER_HOST=" + host)
          + ": start one, or point DOCKER_HOST at a running daemon (e.g. DOCKER_HOST=unix:///path/to/docker.sock"
          + " or ssh://user@builder); docker said: " + lastLine(e.getMessage()));
    }
  }

  private boolean succeeds(String... argv) throws IOException {
    return capture(argv).isPresent();
  }

  private Optional<String> capture(String... argv) throws IOException {
    try {
      return Optional.of(runner.capture(Command.of(Path.of("/"), argv)));
    } catch (AskBuildException e) {
      return Optional.empty();
    }
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }
}
