package dev.askbuild.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A tick that throws does not end the ticking (the lock's refresh depends on it). */
class TickerTest {
  @Test
  void aTickThatThrowsIsFollowedByTheNextOne() throws InterruptedException {
    AtomicInteger ticks = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    try (Ticker ticker = Ticker.every(Duration.ofMillis(20), "ticker-test", () -> {
      // Counted before the latch opens: the test may close the ticker the moment it does.
      int tick = ticks.incrementAndGet();
      three.countDown();
      if (tick == 1) {
        throw new IllegalStateException("the first tick fails");
      }
    })) {
      assertThat(three.await(10, TimeUnit.SECONDS)).as("ticks after a failed one").isTrue();
    }
    assertThat(ticks.get()).isGreaterThanOrEqualTo(3);
  }
}
