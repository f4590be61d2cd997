package dev.askbuild.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.askbuild.fixture.RecordedLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryLockTest {
  @Test
  void twoRunsForTheSameEntryHoldTheLockOneAfterTheOther(@TempDir Path dir) throws Exception {
    Path lock = dir.resolve("entry.lock");
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    RecordedLines said = new RecordedLines();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = List.of(pool.submit(() -> hold(lock, inside, most, said)),
          pool.submit(() -> hold(lock, inside, most, said)));
      for (Future<?> run : runs) {
        run.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(most.get()).isEqualTo(1);
    assertThat(said.lines).anyMatch(l -> l.startsWith("test: waiting for pid " + ProcessHandle.current().pid()));
    assertThat(lock).doesNotExist();
  }

  private static Void hold(Path lock, AtomicInteger inside, AtomicInteger most, Progress said) throws IOException {
    try (EntryLock held = EntryLock.acquire(lock, "test", said, Duration.ofSeconds(60), Duration.ofSeconds(30))) {
      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
      try {
        Thread.sleep(1500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inside.decrementAndGet();
    }
    return null;
  }

  @Test
  void aLockOfAKilledProcessOnThisMachineIsTakenOverAtOnce(@TempDir Path dir) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path lock = dir.resolve("entry.lock");
    EntryLock.Holder dead = new EntryLock.Holder(EntryLock.Holder.HOST, EntryLock.Holder.self().boot(), gone.pid(),
        "2026-01-01T00:00:00Z");
    Files.writeString(lock, dead.text());
    RecordedLines said = new RecordedLines();
    long t0 = System.nanoTime();
    try (EntryLock held = EntryLock.acquire(lock, "test", said, Duration.ofMinutes(10), Duration.ofMinutes(10))) {
      assertThat(Files.readString(lock)).contains("pid " + ProcessHandle.current().pid());
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(said.lines).anyMatch(l -> l.contains("took over the stale lock") && l.contains("its process is gone"));
  }

  @Test
  void aLockNoLongerRefreshedFromAnotherMachineIsTakenOverAfterTheTimeout(@TempDir Path dir) throws Exception {
    Path lock = dir.resolve("entry.lock");
    Files.writeString(lock, new EntryLock.Holder("agent-7", "other-boot", 4242, "2026-01-01T00:00:00Z").text());
    RecordedLines said = new RecordedLines();
    long t0 = System.nanoTime();
    try (EntryLock held = EntryLock.acquire(lock, "test", said, Duration.ofSeconds(2), Duration.ofSeconds(30))) {
      assertThat(Files.readString(lock)).contains("pid " + ProcessHandle.current().pid());
    }
    Duration waited = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(waited).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
    assertThat(said.lines).anyMatch(l -> l.contains("waiting for pid 4242 on agent-7"));
    assertThat(said.lines).anyMatch(l -> l.contains("took over the stale lock") && l.contains("last refreshed"));
  }

  @Test
  void aHolderThatKeepsRefreshingIsWaitedForUntilTheWaitLimitThenExitOne(@TempDir Path dir) throws Exception {
    Path lock = dir.resolve("entry.lock");
    Files.writeString(lock, new EntryLock.Holder("agent-7", "other-boot", 4242, "2026-01-01T00:00:00Z").text());
    Thread refresher = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Files.setLastModifiedTime(lock, FileTime.from(Instant.now()));
          Thread.sleep(200);
        } catch (IOException | InterruptedException e) {
          return;
        }
      }
    });
    refresher.start();
    try {
      assertThatThrownBy(() -> EntryLock.acquire(lock, "kernel", new RecordedLines(), Duration.ofSeconds(2), Duration.ofSeconds(3)))
          .isInstanceOf(AskBuildException.class)
          .hasMessageContaining("kernel: gave up after")
          .hasMessageContaining("pid 4242 on agent-7")
          .satisfies(e -> assertThat(((AskBuildException) e).exitCode().code()).isEqualTo(1));
    } finally {
      refresher.interrupt();
      refresher.join();
    }
    assertThat(Files.readString(lock)).contains("pid 4242");
  }
}
