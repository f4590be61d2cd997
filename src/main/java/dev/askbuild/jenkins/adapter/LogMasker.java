package dev.askbuild.jenkins.adapter;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces secret values in log lines with {@code ****}, as credentials-binding's masking does.
 * The engine takes secrets by path and never prints them, so this is the second line of defence
 * (a tool echoing a file, an exception quoting a line). Each secret is masked whole and line by
 * line, longest first so a value that contains another is not left half shown. Lives only in a
 * running step (never serialized: it holds the values).
 */
public final class LogMasker {
  public static final String MASK = "****";
  /** Shorter lines of a secret file are too common (blank, "=", a base64 tail) to mask usefully. */
  static final int MIN_LENGTH = 6;

  private final List<String> values;

  private LogMasker(List<String> values) {
    this.values = values;
  }

  public static LogMasker of(Collection<String> secrets) {
    List<String> values = new ArrayList<>();
    for (String secret : secrets) {
      String whole = secret.strip();
      if (whole.length() >= MIN_LENGTH) {
        values.add(whole);
      }
      for (String line : secret.split("\r?\n")) {
        String l = line.strip();
        if (l.length() >= MIN_LENGTH && !values.contains(l)) {
          values.add(l);
        }
      }
    }
    values.sort(Comparator.comparingInt(String::length).reversed());
    return new LogMasker(List.copyOf(values));
  }

  public String mask(String line) {
    String masked = line;
    for (String value : values) {
      masked = masked.replace(value, MASK);
    }
    return masked;
  }

  /** A stream that masks whole lines before passing them on; a partial line waits for its end. */
  public OutputStream wrap(OutputStream out) {
    return new FilterOutputStream(out) {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
          emit();
        }
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
          write(b[i]);
        }
      }

      private void emit() throws IOException {
        out.write(mask(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        line.reset();
      }

      @Override
      public void close() throws IOException {
        if (line.size() > 0) {
          emit();
        }
        super.close();
      }
    };
  }
}
