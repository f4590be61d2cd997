package dev.askbuild.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /**
   * A signal's shutdown guard and the stage's own cleanup remove the same staging tree at once:
   * both must finish without an error and leave nothing (one that gave up left the tree in CI).
   */
  @Test
  void twoRemoversOfOneTreeBothEndWithItGone() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        Path tree = dir.resolve("tree-" + round);
        for (int d = 0; d < 150; d++) {
          Path sub = Files.createDirectories(tree.resolve("d" + d % 10).resolve("e" + d));
          for (int f = 0; f < 10; f++) {
            Files.writeString(sub.resolve("f" + f), "x");
          }
        }
        Callable<Void> remove = () -> {
          FileTrees.deleteRecursively(tree);
          return null;
        };
        List<Future<Void>> both = new ArrayList<>(List.of(pool.submit(remove), pool.submit(remove)));
        for (Future<Void> one : both) {
          one.get(); // throws the remover's error, if any
        }
        assertThat(tree).as("round " + round).doesNotExist();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
