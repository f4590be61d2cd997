package dev.askbuild.docker;

import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;

/**
 * How one engine stage went inside the docker build, as its build log tells it.
 *
 * @param state {@code ok}, {@code cached} (BuildKit reused the layer: the stage did not run),
 *     {@code failed}, or {@code not run}
 * @param exitCode the engine's exit code, when the stage ran and printed its result
 * @param error the engine's message for a failed stage
 */
public record DockerStageRun(String stage, String state, double seconds, Optional<Integer> exitCode,
    Optional<String> error) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The progress line, in native mode's shape: {@code [kernel] ok (cache hit) in 1.2 s}. */
  public String line() {
    String status = switch (state) {
      case "cached" -> "ok (cache hit: docker layer)";
      case "ok" -> "ok (cache miss)";
      default -> state;
    };
    return String.format(Locale.ROOT, "[%s] %s in %.1f s", stage, status, seconds);
  }
}
