package dev.askbuild.pipeline;

import java.io.Serializable;

/**
 * How one stage went: its name, its status, {@code hit}, {@code miss} or {@code none} (a stage
 * with no cache), and how long it took.
 */
public record StageOutcome(String stage, String status, String cache, long millis) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The progress line a front end shows. */
  public String line() {
    return String.format(java.util.Locale.ROOT, "[%s] %s%s in %.1f s", stage, status,
        cache.equals("none") ? "" : " (cache " + cache + ")", millis / 1000.0);
  }
}
