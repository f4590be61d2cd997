package dev.askbuild.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.fixture.RecordedLines;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A step of unknown length says once a second how far it is, and a log keeps a line every 30 s. */
class HeartbeatTest {
  final RecordedLines sink = new RecordedLines();
  final List<String> statuses = sink.statuses;
  final List<String> milestones = sink.milestones;
  long now;

  @Test
  void eachTickSaysWhatIsDoneAndALogKeepsOneLineEveryThirtySeconds() {
    AtomicLong entries = new AtomicLong();
    Heartbeat beat = new Heartbeat(sink, "kernel: extracting linux.tar.xz", () -> entries.get() + " entries", () -> now);
    for (int i = 1; i <= 95; i++) {
      now += TimeUnit.SECONDS.toNanos(1);
      entries.addAndGet(1000);
      beat.tick();
    }
    assertThat(statuses).hasSize(95).first().asString().isEqualTo("kernel: extracting linux.tar.xz: 1000 entries, 1s");
    assertThat(statuses.get(64)).isEqualTo("kernel: extracting linux.tar.xz: 65000 entries, 1m05s");
    assertThat(milestones).containsExactly("kernel: extracting linux.tar.xz: 30000 entries, 30s",
        "kernel: extracting linux.tar.xz: 60000 entries, 1m00s", "kernel: extracting linux.tar.xz: 90000 entries, 1m30s");
  }

  @Test
  void aStepWithNothingToCountSaysHowLongItHasRun() {
    Heartbeat beat = new Heartbeat(sink, "kernel: copying the tree of abc", () -> "", () -> now);
    now += TimeUnit.SECONDS.toNanos(3);
    beat.tick();
    assertThat(statuses).containsExactly("kernel: copying the tree of abc: 3s");
    assertThat(Heartbeat.megabytes(5L << 20)).isEqualTo("5 MB");
  }
}
