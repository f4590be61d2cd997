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

  /**
   * The options that make the two runs differ, as the user gives them ("--target userspace, not
   * dist"): a stage command left without the run's --target reads best as that, not as a stranger's.
   */
  private String differences(String other) {
    java.util.Map<String, String> theirs = fields(other);
    java.util.Map<String, String> ours = fields(identity);
    if (theirs.isEmpty() || ours.isEmpty()) {
      return "";
    }
    java.util.List<String> differ = new java.util.ArrayList<>();
    java.util.Set<String> keys = new java.util.LinkedHashSet<>(theirs.keySet());
    keys.addAll(ours.keySet());
    // The components follow from the target when none are selected: another target says it all.
    if (!java.util.Objects.equals(theirs.get("target"), ours.get("target"))) {
      keys.remove("components");
    }
    for (String key : keys) {
      String was = theirs.getOrDefault(key, key.equals("libc") ? "glibc" : "");
      String is = ours.getOrDefault(key, key.equals("libc") ? "glibc" : "");
      if (!was.equals(is)) {
        differ.add("--" + key + " " + was + " (this run has " + is + ")");
      }
    }
    return differ.isEmpty() ? "" : ": it was written with " + String.join(", ", differ) + "; give the same option"
        + (differ.size() == 1 ? "" : "s") + " to every stage command of one run";
  }

  private static java.util.Map<String, String> fields(String run) {
    String[] words = run.split(" ");
    java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
    if (words.length % 2 == 0) {
      return fields;
    }
    fields.put("board", words[0]);
    for (int i = 1; i + 1 < words.length; i += 2) {
      fields.put(words[i], words[i + 1]);
    }
    return fields;
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
      throw AskBuildException.badInput(file + " belongs to another run (" + run + ", not " + identity + ")"
          + differences(run) + "; run `askbuild " + stage.label() + "` again for this one");
    }
    return Optional.of(JSON.treeToValue(root.get("result"), type));
  }
}
