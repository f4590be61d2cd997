package dev.askbuild.cli;

import dev.askbuild.core.Progress;
import java.io.PrintWriter;

/**
 * Engine progress lines on the CLI's error stream, so standard output stays machine-readable. On a
 * terminal a long step's status rewrites one line in place; elsewhere only its milestones are
 * printed, each on its own line.
 */
final class StderrProgress implements Progress {
  private final PrintWriter err;
  private final boolean terminal;
  /** A status line is showing and the next line must start on a fresh one. */
  private boolean statusShown;

  StderrProgress(PrintWriter err) {
    this(err, System.console() != null && !"dumb".equals(System.getenv("TERM")));
  }

  StderrProgress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public synchronized void info(String line) {
    endStatus();
    err.println(line);
    err.flush();
  }

  @Override
  public synchronized void error(String line) {
    endStatus();
    err.println("error: " + line);
    err.flush();
  }

  @Override
  public synchronized void warn(String line) {
    endStatus();
    err.println("warning: " + line);
    err.flush();
  }

  @Override
  public synchronized void status(String line, boolean milestone) {
    if (!terminal) {
      if (milestone) {
        err.println(line);
        err.flush();
      }
      return;
    }
    // Carriage return and erase-to-end-of-line: the same line, rewritten.
    err.print("\r" + line + "\033[K");
    err.flush();
    statusShown = true;
  }

  private void endStatus() {
    if (statusShown) {
      err.print("\r\033[K");
      statusShown = false;
    }
  }
}
