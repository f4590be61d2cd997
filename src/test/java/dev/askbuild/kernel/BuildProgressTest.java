package dev.askbuild.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.fixture.RecordedLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The make log's lines counted as make writes them, reported at a bounded rate. */
class BuildProgressTest {
  final RecordedLines sink = new RecordedLines();
  final List<String> statuses = sink.statuses;
  final List<String> milestones = sink.milestones;
  long now;

  @Test
  void objectsAreCountedAcrossPartialWritesAndMilestonesComeEveryTenPercent(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("kernel-make.log");
    Files.writeString(log, "$ (cd /tree && make -j2 Image modules)\n");
    BuildProgress progress = new BuildProgress(log, "kernel: full build",
        new ObjectEstimate(200, true, "the last build of this tree and config"), sink, () -> now);
    for (int i = 0; i < 200; i++) {
      // A line split across two writes counts once, when its end arrives.
      append(log, "  CC      kernel/f" + i + ".o\n  HOSTCC  scripts/x" + i + "\n  LD [M]  drivers/m");
      append(log, i + ".ko\n");
      if (i % 2 == 1) {
        now += TimeUnit.MILLISECONDS.toNanos(1000);
        progress.poll();
      }
    }
    progress.close();

    assertThat(progress.objects()).isEqualTo(400); // CC and LD [M], not HOSTCC
    assertThat(statuses).hasSize(100).first().asString().isEqualTo("kernel: full build: 4/200 objects (2 %), 1s");
    assertThat(statuses.get(49)).isEqualTo("kernel: full build: 200/200 objects (99 %), 50s");
    assertThat(statuses.get(10)).isEqualTo("kernel: full build: 44/200 objects (22 %), 11s, ETA 39s");
    // With an estimate that turns out short, the count goes on and the percent stays below 100.
    assertThat(statuses).last().asString().startsWith("kernel: full build: 400/200 objects (99 %)");
    assertThat(milestones).hasSizeBetween(4, 12);
    assertThat(progress.milestones()).isEqualTo(milestones);
  }

  @Test
  void aFinishedMakeEndsOnItsTotalAtOneHundredPercent(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("kernel-make.log");
    Files.writeString(log, "");
    BuildProgress progress = new BuildProgress(log, "kernel: full build",
        new ObjectEstimate(50, true, "the last build"), sink, () -> now);
    append(log, "  CC      a.o\n  CC      b.o\n");
    now += TimeUnit.SECONDS.toNanos(1);
    progress.poll();
    // The last line has no newline yet when make exits: finish still counts it.
    append(log, "  AR      lib.a\n  LD [M]  m.ko");
    now += TimeUnit.SECONDS.toNanos(64);

    assertThat(progress.finish()).isEqualTo(4);
    assertThat(milestones).last().asString().isEqualTo("kernel: full build: 4/50 objects (100 %), 1m05s");
    assertThat(progress.milestones()).isEqualTo(milestones);
  }

  @Test
  void aLogWithoutAnyMilestoneForThirtySecondsGetsOne(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("kernel-make.log");
    Files.writeString(log, "");
    BuildProgress progress = new BuildProgress(log, "kernel: full build",
        new ObjectEstimate(100_000, false, "an estimate"), sink, () -> now);
    for (int i = 0; i < 90; i++) {
      append(log, "  CC      a" + i + ".o\n");
      now += TimeUnit.SECONDS.toNanos(1);
      progress.poll();
    }
    assertThat(statuses).hasSize(90);
    assertThat(milestones).hasSize(3).first().asString().startsWith("kernel: full build: 30/~100000 objects (0 %), 30s");
  }

  private static void append(Path log, String text) throws IOException {
    Files.writeString(log, text, StandardOpenOption.APPEND);
  }
}
