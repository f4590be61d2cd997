package dev.askbuild.kernel;

import dev.askbuild.core.Progress;
import dev.askbuild.core.Ticker;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Progress of a kernel make, read from its log as make writes it: kbuild's quiet lines ({@code "  CC
 * init/main.o"}, {@code "  LD [M]  fs/foo.ko"}) are counted as objects built, against the total an
 * {@link ObjectEstimate} expects. The log is polled once a second, so the count costs nothing per
 * object and the make's own output still goes straight to its file; a status goes out at most once
 * a second, a milestone (kept by a log) every ten percent or every thirty seconds.
 */
final class BuildProgress implements AutoCloseable {
  /** An object file, archive or link step: what a kernel build is made of. */
  static final Pattern OBJECT = Pattern.compile("^ {2}(CC|AS|LD|AR)( \\[M\\])? +\\S.*");

  static final long MILESTONE_NANOS = TimeUnit.SECONDS.toNanos(30);
  static final int MILESTONE_PERCENT = 10;

  private final Path log;
  private final String what;
  private final ObjectEstimate expected;
  private final Progress progress;
  private final LongSupplier nanos;
  private final long start;
  private Ticker poller;

  private long offset;
  private final StringBuilder partial = new StringBuilder();
  private int objects;
  private long lastMilestone;
  private int lastMilestonePercent;
  private int lastReported = -1;
  private boolean done;
  private final List<String> milestones = new ArrayList<>();

  /** Counts what {@code log} gains from its current end on; {@code what} starts each line. */
  BuildProgress(Path log, String what, ObjectEstimate expected, Progress progress, LongSupplier nanos) throws IOException {
    this.log = log;
    this.what = what;
    this.expected = expected;
    this.progress = progress;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
    this.lastMilestone = start;
    this.offset = log.toFile().length();
  }

  /** Starts polling the log once a second on a daemon thread. */
  static BuildProgress watch(Path log, String what, ObjectEstimate expected, Progress progress) throws IOException {
    BuildProgress watcher = new BuildProgress(log, what, expected, progress, System::nanoTime);
    watcher.poller = Ticker.every(Duration.ofSeconds(1), "kernel-progress", watcher::pollQuietly);
    return watcher;
  }

  /** Reads what the log gained and reports if the count moved. */
  synchronized void poll() throws IOException {
    drain();
    report(false);
  }

  private void drain() throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      while (length > offset) {
        byte[] bytes = new byte[(int) Math.min(length - offset, 8 * 1024 * 1024)];
        file.seek(offset);
        file.readFully(bytes);
        offset += bytes.length;
        count(new String(bytes, StandardCharsets.ISO_8859_1));
      }
    }
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (IOException | RuntimeException e) {
      // A log that cannot be read now only costs a status line; the build's own result stands.
    }
  }

  private void count(String text) {
    partial.append(text);
    int from = 0;
    for (int nl = partial.indexOf("\n", from); nl >= 0; nl = partial.indexOf("\n", from)) {
      if (OBJECT.matcher(partial.subSequence(from, nl)).matches()) {
        objects++;
      }
      from = nl + 1;
    }
    partial.delete(0, from);
  }

  int objects() {
    return objects;
  }

  private void report(boolean last) {
    if (objects == lastReported && !last) {
      return;
    }
    lastReported = objects;
    long now = nanos.getAsLong();
    int percent = percent();
    boolean milestone = last || now - lastMilestone >= MILESTONE_NANOS
        || percent >= lastMilestonePercent + MILESTONE_PERCENT;
    String line = line(now);
    if (milestone) {
      lastMilestone = now;
      lastMilestonePercent = percent - percent % MILESTONE_PERCENT;
      milestones.add(line);
    }
    progress.status(line, milestone);
  }

  /** Below 100 until make is done: an estimate may be short, and a build is not done while it runs. */
  int percent() {
    if (done) {
      return 100;
    }
    if (expected.objects() <= 0) {
      return 0;
    }
    return (int) Math.min(99, 100L * objects / expected.objects());
  }

  String line(long now) {
    double elapsed = (now - start) / 1e9;
    StringBuilder line = new StringBuilder(what).append(": ").append(objects).append('/')
        .append(expected.exact() ? "" : "~").append(expected.objects()).append(" objects (")
        .append(percent()).append(" %), ").append(duration(elapsed));
    // An ETA from the first few objects is noise (they include the host tools and headers).
    if (!done && objects >= Math.max(10, expected.objects() / 50) && objects < expected.objects()) {
      double eta = elapsed * (expected.objects() - objects) / objects;
      line.append(", ETA ").append(duration(eta));
    }
    return line.toString();
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }

  /**
   * After a make that succeeded: counts the rest of the log and reports its total as a last
   * milestone at 100 %, so the count a log ends on is the make's.
   */
  synchronized int finish() throws IOException {
    close();
    done = true;
    report(true);
    return objects;
  }

  /** The lines a log kept (the milestones), in order: the build's progress, written beside its tree. */
  synchronized List<String> milestones() {
    return List.copyOf(milestones);
  }

  /** Stops polling and counts the rest of the log: {@link #objects()} is then the make's total. */
  @Override
  public synchronized void close() throws IOException {
    if (poller != null) {
      poller.close();
    }
    drain();
    if (!partial.isEmpty()) {
      count("\n");
    }
  }
}
