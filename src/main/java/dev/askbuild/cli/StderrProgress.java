package dev.askbuild.cli;

import dev.askbuild.core.Progress;
import java.io.PrintWriter;

/** Engine progress lines on the CLI's error stream, so standard output stays machine-readable. */
final class StderrProgress implements Progress {
  private final PrintWriter err;

  StderrProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void info(String line) {
    err.println(line);
    err.flush();
  }

  @Override
  public void error(String line) {
    err.println("error: " + line);
    err.flush();
  }

  @Override
  public void warn(String line) {
    err.println("warning: " + line);
    err.flush();
  }
}
