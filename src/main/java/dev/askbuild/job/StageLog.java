package dev.askbuild.job;

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
 * A stage's {@code logs/STAGE.log}: the stage's own messages (also on a cache hit, also when it
 * fails), then what each command it ran printed, in the order they ran.
 */
final class StageLog {
  private StageLog() {}

  /** Before a stage: no log of an earlier run into the same directory survives to mislead. */
  static void reset(Workspace ws, Stage stage) throws IOException {
    Files.deleteIfExists(ws.log(stage));
    FileTrees.deleteRecursively(ws.stageWork(stage).resolve("logs"));
  }

  static void write(Workspace ws, Stage stage, List<String> messages, String outcome) throws IOException {
    Path log = ws.log(stage);
    Workspace.ensure(log.getParent());
    StringBuilder text = new StringBuilder();
    messages.forEach(m -> text.append(m).append('\n'));
    text.append(outcome).append('\n');
    Files.writeString(log, text, StandardCharsets.UTF_8);
    Path dir = ws.stageWork(stage).resolve("logs");
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(Files::isRegularFile).sorted(byTimeThenName()).toList();
    }
    try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
      for (Path file : files) {
        out.write(("==> " + file.getFileName() + " <==\n").getBytes(StandardCharsets.UTF_8));
        Files.copy(file, out);
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
