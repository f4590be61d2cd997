package dev.askbuild.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The standard output of a running filter (a decompressor, say) as a stream. When the output ends,
 * the exit status is checked, so a filter that fails midway is an error rather than a short
 * stream; closing early stops the process.
 */
final class PipedProcess extends InputStream {
  /** Enough of standard error to say what went wrong, never an unbounded buffer. */
  private static final int STDERR_LIMIT = 4096;

  private final Process process;
  private final Command command;
  private final InputStream out;
  private final Thread stderrReader;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private boolean checked;

  PipedProcess(Process process, Command command) {
    this.process = process;
    this.command = command;
    this.out = process.getInputStream();
    // Drained on its own thread so that a chatty filter never blocks on a full stderr pipe.
    this.stderrReader = new Thread(this::drainStderr, "stderr of " + command.argv().get(0));
    this.stderrReader.setDaemon(true);
    this.stderrReader.start();
  }

  private void drainStderr() {
    byte[] buffer = new byte[1024];
    try (InputStream err = process.getErrorStream()) {
      int n;
      while ((n = err.read(buffer)) > 0) {
        synchronized (stderr) {
          stderr.write(buffer, 0, Math.min(n, Math.max(0, STDERR_LIMIT - stderr.size())));
        }
      }
    } catch (IOException e) {
      // The process went away; its exit status tells the rest.
    }
  }

  @Override
  public int read() throws IOException {
    int b = out.read();
    if (b < 0) {
      checkExit();
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = out.read(buffer, offset, length);
    if (n < 0) {
      checkExit();
    }
    return n;
  }

  private void checkExit() throws IOException {
    if (checked) {
      return;
    }
    checked = true;
    try {
      int code = process.waitFor();
      stderrReader.join(1000);
      if (code != 0) {
        String message;
        synchronized (stderr) {
          message = stderr.toString(StandardCharsets.UTF_8).strip();
        }
        throw new IOException(command.display() + " failed (exit " + code + ")" + (message.isEmpty() ? "" : ": " + message));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + command.display());
    }
  }

  /**
   * Why the filter failed, when it did: called when what it wrote could not be parsed, since a
   * decoder given a corrupt archive may write some garbage before it finds the damage and exits. Its
   * remaining output is read and dropped (so it never blocks on a full pipe) for up to {@code
   * millis}; empty when it is still running then, or exited with 0.
   */
  java.util.Optional<String> failure(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    byte[] sink = new byte[64 * 1024];
    try {
      while (System.nanoTime() < deadline) {
        if (out.available() > 0 || process.isAlive()) {
          if (out.available() > 0 && out.read(sink) < 0) {
            break;
          }
          if (process.waitFor(10, java.util.concurrent.TimeUnit.MILLISECONDS) && out.available() == 0) {
            break;
          }
        } else {
          break;
        }
      }
      if (process.isAlive() || process.exitValue() == 0) {
        return java.util.Optional.empty();
      }
      stderrReader.join(1000);
      synchronized (stderr) {
        String message = stderr.toString(StandardCharsets.UTF_8).strip();
        return java.util.Optional.of(command.display() + " failed (exit " + process.exitValue() + ")"
            + (message.isEmpty() ? "" : ": " + message));
      }
    } catch (IOException e) {
      return java.util.Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.Optional.empty();
    }
  }

  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    out.close();
  }
}
