package dev.askbuild.cache;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Progress;
import dev.askbuild.core.Ticker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The lock that makes two builds needing the same missing cache entry build it once: a file {@code
 * <entry>.lock} beside the entry, created exclusively (which NFS and every local file system make
 * atomic), naming its holder (host, boot, pid, since when). The holder touches it every few seconds;
 * a waiter takes it over when its holder is a dead process of this same boot of this machine, or when
 * it has not been touched for {@link #STALE_AFTER} (a holder killed on another agent, or that agent
 * gone). A waiter says once whom it waits for, then how long, and gives up after its wait limit.
 */
public final class EntryLock implements AutoCloseable {
  /** A lock untouched this long belongs to a run that no longer runs. */
  public static final Duration STALE_AFTER = Duration.ofSeconds(60);
  /** Longer than any build of one entry (the real board's full kernel build is about an hour). */
  public static final Duration WAIT_AT_MOST = Duration.ofHours(4);

  private static final Duration POLL = Duration.ofMillis(500);

  private final Path file;
  private final String owner;
  private final Ticker heartbeat;

  private EntryLock(Path file, String owner, Duration touchEvery) {
    this.file = file;
    this.owner = owner;
    this.heartbeat = Ticker.every(touchEvery, "cache-lock-heartbeat", this::touch);
  }

  /** The lock file of a cache entry. */
  public static Path fileFor(Path entry) {
    Path absolute = entry.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + ".lock");
  }

  /** Takes the entry's lock, waiting for its holder as long as {@link #WAIT_AT_MOST}. */
  public static EntryLock acquire(Path entry, String what, Progress progress) throws IOException {
    return acquire(fileFor(entry), what, progress, STALE_AFTER, WAIT_AT_MOST);
  }

  /**
   * Takes {@code file}, waiting while another live run holds it; {@code what} starts the messages
   * ("kernel"). Fails with exit 1 after {@code waitAtMost} of waiting for a holder that stays alive.
   */
  public static EntryLock acquire(Path file, String what, Progress progress, Duration staleAfter, Duration waitAtMost)
      throws IOException {
    Files.createDirectories(file.getParent());
    String me = Holder.self().text();
    long start = System.nanoTime();
    long lastSaid = 0;
    String waitedFor = null;
    while (true) {
      try {
        Files.writeString(file, me, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
        if (waitedFor != null) {
          progress.info(what + ": took the lock " + file + " after waiting " + seconds(start));
        }
        return new EntryLock(file, me, staleAfter.dividedBy(6));
      } catch (FileAlreadyExistsException held) {
        // held by someone: see whether they still are
      }
      Optional<String> text = read(file);
      if (text.isEmpty()) {
        continue; // released between our two looks
      }
      Holder holder = Holder.parse(text.get());
      Optional<FileTime> touched = modified(file);
      if (touched.isEmpty()) {
        continue;
      }
      Duration age = Duration.between(touched.get().toInstant(), Instant.now());
      String dead = holder.deadOnThisMachine() ? "its process is gone"
          : age.compareTo(staleAfter) > 0 ? "it was last refreshed " + age.toSeconds() + " s ago" : null;
      if (dead != null) {
        if (takeOver(file, text.get())) {
          progress.info(what + ": took over the stale lock " + file + " of " + holder.describe() + " (" + dead + ")");
        }
        continue;
      }
      if (!text.get().equals(waitedFor)) {
        waitedFor = text.get();
        progress.info(what + ": waiting for " + holder.describe() + ", which is building this entry (lock " + file
            + "); a lock unrefreshed for " + staleAfter.toSeconds() + " s is taken over");
        lastSaid = System.nanoTime();
      } else if (System.nanoTime() - lastSaid >= TimeUnit.SECONDS.toNanos(1)) {
        boolean milestone = System.nanoTime() - lastSaid >= TimeUnit.SECONDS.toNanos(30);
        progress.status(what + ": still waiting for " + holder.describe() + " (" + seconds(start) + ")", milestone);
        if (milestone) {
          lastSaid = System.nanoTime();
        }
      }
      if (System.nanoTime() - start > waitAtMost.toNanos()) {
        throw AskBuildException.checkFailed(what + ": gave up after " + seconds(start) + " waiting for "
            + holder.describe() + " to finish (lock " + file + "); if that run is gone, delete the lock");
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for " + file);
      }
    }
  }

  /**
   * Moves a stale lock aside and deletes it; only one of several waiters' renames succeeds. A lock
   * that turns out to have been renewed by another taker in between is put back.
   */
  private static boolean takeOver(Path file, String staleText) throws IOException {
    Path aside = file.resolveSibling(file.getFileName() + ".stale-" + UUID.randomUUID());
    try {
      Files.move(file, aside, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException gone) {
      return false;
    }
    Optional<String> moved = read(aside);
    if (moved.isPresent() && !moved.get().equals(staleText)) {
      try {
        Files.move(aside, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return false;
      } catch (IOException e) {
        // someone made a fresh one already; theirs stands
      }
    }
    Files.deleteIfExists(aside);
    return true;
  }

  private void touch() {
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // A missed touch only shortens how long waiters wait before they take over.
    }
  }

  /** Releases the lock, when it is still this run's. */
  @Override
  public void close() throws IOException {
    heartbeat.close();
    if (read(file).map(owner::equals).orElse(false)) {
      Files.deleteIfExists(file);
    }
  }

  private static Optional<String> read(Path file) throws IOException {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private static Optional<FileTime> modified(Path file) throws IOException {
    try {
      return Optional.of(Files.getLastModifiedTime(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private static String seconds(long startNanos) {
    return String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - startNanos) / 1e9);
  }

  /** Who holds a lock: the line written into it. */
  record Holder(String host, String boot, long pid, String since) {
    /** This machine's name and boot, looked up once. */
    static final String HOST = hostName();
    private static final String BOOT = bootId();

    static Holder self() {
      return new Holder(HOST, BOOT, ProcessHandle.current().pid(), Instant.now().toString());
    }

    String text() {
      return "host " + host + "\nboot " + boot + "\npid " + pid + "\nsince " + since + "\nnonce " + UUID.randomUUID() + "\n";
    }

    static Holder parse(String text) {
      String host = "?";
      String boot = "?";
      long pid = -1;
      String since = "?";
      for (String line : text.split("\n")) {
        int sp = line.indexOf(' ');
        if (sp < 0) {
          continue;
        }
        String value = line.substring(sp + 1);
        switch (line.substring(0, sp)) {
          case "host" -> host = value;
          case "boot" -> boot = value;
          case "pid" -> pid = parsePid(value);
          case "since" -> since = value;
          default -> { }
        }
      }
      return new Holder(host, boot, pid, since);
    }

    private static long parsePid(String s) {
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    /** Only a pid of this very boot of this machine can be looked up. */
    boolean deadOnThisMachine() {
      return pid > 0 && host.equals(HOST) && boot.equals(BOOT) && !boot.equals("?")
          && ProcessHandle.of(pid).map(ph -> !ph.isAlive()).orElse(true);
    }

    String describe() {
      return "pid " + pid + " on " + host + " (since " + since + ")";
    }

    private static String hostName() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        return "unknown-host";
      }
    }

    private static String bootId() {
      try {
        return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
      } catch (IOException e) {
        return "?";
      }
    }
  }
}
