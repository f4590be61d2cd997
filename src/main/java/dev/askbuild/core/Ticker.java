package dev.askbuild.core;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task run at a fixed delay on one daemon thread of its own: the status lines of long steps and
 * the refresh of a cache lock. Daemon, so a ticker nobody stopped never keeps the JVM alive after
 * the command is done; stopping it interrupts a running tick. A tick that throws costs that tick
 * only: a scheduled executor silently cancels a task that throws, which for the lock's refresh would
 * let waiters take over a build that is still running.
 */
public final class Ticker implements AutoCloseable {
  private final ScheduledExecutorService executor;

  private Ticker(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /** Runs {@code task} every {@code every}, the first time after one period. */
  public static Ticker every(Duration every, String threadName, Runnable task) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    long ms = every.toMillis();
    executor.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        // The next tick tries again; the work the ticker reports on or guards goes on regardless.
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
    return new Ticker(executor);
  }

  /** Stops ticking; a tick in progress is interrupted. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
