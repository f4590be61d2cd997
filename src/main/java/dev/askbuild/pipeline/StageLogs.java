package dev.askbuild.pipeline;

import dev.askbuild.core.FileTrees;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Gathers what each stage's commands printed (the stage's own {@code logs/} under the work
 * directory) into one {@code logs/STAGE.log} of the build, in the order the commands ran. Done
 * whether the build passed or failed: a failed build is when the logs are read.
 */
final class StageLogs {
  /** The stages that run commands, in pipeline order. */
  private static final List<String> STAGES = List.of("sysroot", "kernel", "compile");

  private StageLogs() {}

  /** Before a run: no stage log of an earlier run into the same directory survives to mislead. */
  static void reset(Path work, Path logs) throws IOException {
    for (String stage : STAGES) {
      Files.deleteIfExists(logs.resolve(stage + ".log"));
      FileTrees.deleteRecursively(work.resolve(stage).resolve("logs"));
    }
  }

  static void collect(Path work, Path logs) throws IOException {
    for (String stage : STAGES) {
      Path dir = work.resolve(stage).resolve("logs");
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> list = Files.list(dir)) {
        files = list.filter(Files::isRegularFile).sorted(byTimeThenName()).toList();
      }
      if (files.isEmpty()) {
        continue;
      }
      try (OutputStream out = Files.newOutputStream(logs.resolve(stage + ".log"),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        for (Path file : files) {
          out.write(("==> " + file.getFileName() + " <==\n").getBytes(StandardCharsets.UTF_8));
          Files.copy(file, out);
        }
      }
    }
  }

  private static Comparator<Path> byTimeThenName() {
    return Comparator.comparing((Path p) -> {
      try {
        return Files.getLastModifiedTime(p).toMillis();
      } catch (IOException e) {
        return 0L;
      }
    }).thenComparing(p -> p.getFileName().toString());
  }
}
