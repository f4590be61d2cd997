package dev.askbuild.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
  @TempDir Path dir;

  @Test
  void removesOnlyOldStagingSiblingsOfTheSameTarget() throws Exception {
    Path target = dir.resolve("abc123");
    Path old = Files.createDirectories(dir.resolve(".abc123.partial-old/tree/sub"));
    Files.writeString(old.resolve("file"), "x");
    Path oldRoot = dir.resolve(".abc123.partial-old");
    Files.setLastModifiedTime(oldRoot, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    Path fresh = Files.createDirectories(dir.resolve(".abc123.partial-fresh"));
    Path otherOld = Files.createDirectories(dir.resolve(".other.partial-old"));
    Files.setLastModifiedTime(otherOld, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

    int removed = FileTrees.removeAbandonedStaging(target, FileTrees.ABANDONED_AFTER);

    assertThat(removed).isEqualTo(1);
    assertThat(oldRoot).doesNotExist();
    assertThat(fresh).exists(); // may be another run's build in progress
    assertThat(otherOld).exists(); // another target's
  }
}
