package dev.askbuild.job;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Each stage's result in {@code OUT/state/<stage>.json}, so the next stage's command, run as its own
 * process (a Jenkins step, a container build stage), starts where the last one ended. Each file says
 * which board, epoch, target and components it belongs to; a result of another run is refused, not reused.
 */
final class StageState {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path dir;
  private final String identity;

  StageState(Path dir, JobRequest request, Selection selection) {
    this.dir = dir;
    this.identity = request.board() + " epoch " + request.epoch() + " target " + request.target().label()
        + " components " + selection.label()
        // glibc runs keep the identity they always had; musl's differs.
        + request.libc().filter(l -> l != dev.askbuild.core.Libc.GLIBC).map(l -> " libc " + l.label()).orElse("");
  }

  void write(Stage stage, Object result) throws IOException {
    Files.createDirectories(dir);
    ObjectNode root = JSON.createObjectNode();
    root.put("run", identity);
    root.set("result", JSON.valueToTree(result));
    Path tmp = dir.resolve("." + stage.label() + ".json.tmp");
    JSON.writeValue(tmp.toFile(), root);
    Files.move(tmp, dir.resolve(stage.label() + ".json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The record of a stage a signal stopped: no result, so the next stage refuses to start from it
   * as from a missing one, and whoever looks in {@code state/} sees why.
   */
  void writeInterrupted(Stage stage, String signal) throws IOException {
    Files.createDirectories(dir);
    ObjectNode root = JSON.createObjectNode();
    root.put("run", identity);
    root.put("status", "interrupted");
    root.put("signal", signal);
    Path tmp = dir.resolve("." + stage.label() + ".json.tmp");
    JSON.writeValue(tmp.toFile(), root);
    Files.move(tmp, dir.resolve(stage.label() + ".json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  void clear(Stage stage) throws IOException {
    Files.deleteIfExists(dir.resolve(stage.label() + ".json"));
  }

  <T> Optional<T> read(Stage stage, Class<T> type) throws IOException {
    Path file = dir.resolve(stage.label() + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode root = JSON.readTree(file.toFile());
    if (root.path("status").asText().equals("interrupted")) {
      return Optional.empty();
    }
    String run = root.path("run").asText();
    if (!run.equals(identity)) {
      throw AskBuildException.badInput(file + " belongs to another run (" + run + ", not " + identity
          + "); run `askbuild " + stage.label() + "` again for this one");
    }
    return Optional.of(JSON.treeToValue(root.get("result"), type));
  }
}
