package dev.askbuild.jenkins.adapter;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The engine's standard error on its way to the build log, with its last bytes kept for a failure
 * that printed no JSON. Never closes the log: the build's log outlives the step.
 */
public final class OutputTail extends OutputStream {
  /** The tail kept, in bytes. */
  public static final int TAIL = 4096;

  private final PrintStream log;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  public OutputTail(PrintStream log) {
    this.log = log;
  }

  @Override
  public synchronized void write(int b) {
    log.write(b);
    buffer.write(b);
    trim();
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    log.write(b, off, len);
    buffer.write(b, off, len);
    trim();
  }

  @Override
  public void flush() {
    log.flush();
  }

  private void trim() {
    if (buffer.size() > 2 * TAIL) {
      byte[] all = buffer.toByteArray();
      buffer.reset();
      buffer.write(all, all.length - TAIL, TAIL);
    }
  }

  public synchronized String text() {
    String s = buffer.toString(StandardCharsets.UTF_8);
    return s.length() > TAIL ? s.substring(s.length() - TAIL) : s;
  }
}
