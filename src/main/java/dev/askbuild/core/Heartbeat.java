package dev.askbuild.core;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Progress of a step whose end is not known in advance (extracting a tarball, copying or hashing a
 * tree, surveying a kernel): once a second a status with what the step has done so far and how long
 * it has run, as {@link Progress#status} shows it, a milestone every thirty seconds, so a log shows
 * the step is alive without one line per file. Nothing is said in the first second: short steps
 * stay quiet. The step's own thread does the work; the status is read on a daemon thread, so
 * {@code state} must be safe to call from another thread.
 */
public final class Heartbeat implements AutoCloseable {
  static final long MILESTONE_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final Progress progress;
  private final String what;
  private final Supplier<String> state;
  private final LongSupplier nanos;
  private final long start;
  private long lastMilestone;
  private Ticker ticker;

  Heartbeat(Progress progress, String what, Supplier<String> state, LongSupplier nanos) {
    this.progress = progress;
    this.what = what;
    this.state = state;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
    this.lastMilestone = start;
  }

  /** Starts the ticker; {@code state} says what is done so far ("41200 entries, 610 MB"), or "". */
  public static Heartbeat start(Progress progress, String what, Supplier<String> state) {
    Heartbeat beat = new Heartbeat(progress, what, state, System::nanoTime);
    if (progress == Progress.SILENT) {
      return beat; // nobody listens: no thread
    }
    beat.ticker = Ticker.every(Duration.ofSeconds(1), "heartbeat", beat::tick);
    return beat;
  }

  /** One status line now. */
  synchronized void tick() {
    long now = nanos.getAsLong();
    boolean milestone = now - lastMilestone >= MILESTONE_NANOS;
    if (milestone) {
      lastMilestone = now;
    }
    progress.status(line(now), milestone);
  }

  String line(long now) {
    String done = state.get();
    long s = Math.round((now - start) / 1e9);
    String elapsed = s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    return what + ": " + (done.isEmpty() ? "" : done + ", ") + elapsed;
  }

  /** "610 MB": a byte count as a status shows it. */
  public static String megabytes(long bytes) {
    return (bytes >> 20) + " MB";
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.close();
    }
  }
}
