package dev.askbuild.core;

/** The process exit codes every front end (CLI, Jenkins step) maps a run's outcome to. */
public enum ExitCode {
  /** Everything ran and every check passed. */
  OK(0),
  /** A verification or check ran and failed: a hash, a signature, a config, an artifact. */
  CHECK_FAILED(1),
  /** The request or one of its inputs is malformed: bad usage, a bad line, a hostile archive. */
  BAD_INPUT(2),
  /** The host lacks a tool, package or toolchain the stage needs. */
  ENVIRONMENT(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
