package dev.askbuild.pipeline;

import java.io.Serializable;

/** How one stage went: its name, whether its result came from the cache, how long it took. */
public record StageOutcome(String stage, String status, boolean cacheHit, long millis) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The progress line a front end shows. */
  public String line() {
    return String.format(java.util.Locale.ROOT, "[%s] %s%s in %.1f s", stage, status,
        cacheHit ? " (cache hit)" : status.equals("ok") ? " (cache miss)" : "", millis / 1000.0);
  }
}
