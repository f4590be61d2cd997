package dev.askbuild.jenkins.adapter;

import java.io.Serializable;
import java.util.Map;

/**
 * The engine ran and failed: its exit code (1 check failed, 2 bad input, 3 missing toolchain) and
 * its own message, which the step fails with. Carries the parsed result for the build page.
 */
public final class StageFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final Map<String, Serializable> result;

  public StageFailedException(String step, int exitCode, String message, Map<String, Serializable> result) {
    super(step + " failed (exit " + exitCode + "): " + message);
    this.exitCode = exitCode;
    this.result = Map.copyOf(result);
  }

  public int exitCode() {
    return exitCode;
  }

  public Map<String, Serializable> result() {
    return result;
  }
}
