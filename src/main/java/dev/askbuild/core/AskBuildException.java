package dev.askbuild.core;

import java.util.Objects;

/**
 * The one exception type the engine throws for outcomes a user can act on. Its message names the
 * file, entry or symbol at fault; its {@link ExitCode} tells front ends how to exit.
 */
public class AskBuildException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  public AskBuildException(ExitCode exitCode, String message) {
    super(requireMessage(message));
    this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
  }

  public AskBuildException(ExitCode exitCode, String message, Throwable cause) {
    super(requireMessage(message), cause);
    this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
  }

  public static AskBuildException badInput(String message) {
    return new AskBuildException(ExitCode.BAD_INPUT, message);
  }

  public static AskBuildException badInput(String message, Throwable cause) {
    return new AskBuildException(ExitCode.BAD_INPUT, message, cause);
  }

  public static AskBuildException checkFailed(String message) {
    return new AskBuildException(ExitCode.CHECK_FAILED, message);
  }

  public static AskBuildException environment(String message) {
    return new AskBuildException(ExitCode.ENVIRONMENT, message);
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  private static String requireMessage(String message) {
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("an AskBuildException needs a message a user can act on");
    }
    return message;
  }
}
