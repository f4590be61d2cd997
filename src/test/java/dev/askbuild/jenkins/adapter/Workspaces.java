package dev.askbuild.jenkins.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A directory standing for an agent: root, workspace and its {@code @tmp} beside it, as Jenkins lays them out. */
record Workspaces(Path root, Path workspace, Path tempDir) {
  static Workspaces in(Path dir) throws IOException {
    Path root = Files.createDirectories(dir.resolve("agent"));
    Path ws = Files.createDirectories(root.resolve("workspace/job"));
    Path tmp = Files.createDirectories(root.resolve("workspace/job@tmp"));
    return new Workspaces(root, ws, tmp);
  }

  Agent agent(String java) {
    return new Agent(new LocalAgentFiles(), java, workspace.toString(), tempDir.toString(), root.toString());
  }

  /** Every file under the agent's root whose bytes contain the marker (the engine jar aside). */
  List<Path> filesContaining(String marker) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).filter(p -> contains(p, marker)).toList();
    }
  }

  private static boolean contains(Path file, String marker) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(marker);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String serialized(Object... objects) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      for (Object o : objects) {
        out.writeObject(o);
      }
    }
    String text = bytes.toString(StandardCharsets.ISO_8859_1);
    assertThat(text).isNotEmpty();
    return text;
  }
}
