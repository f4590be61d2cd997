package dev.askbuild.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * {@code OUT/manifest.json}: what a build was asked and what it did, stage by stage.
 *
 * @param components the components the run built (those asked for and what they are built against)
 * @param artifacts the sha256 of each file in {@code dist/}, by name (empty before compile)
 */
public record Manifest(
    String board, long epoch, String target, List<String> components, String packages, List<String> stages,
    List<StageRun> runs, Map<String, String> artifacts) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Manifest {
    components = List.copyOf(components);
    stages = List.copyOf(stages);
    runs = List.copyOf(runs);
    artifacts = new java.util.TreeMap<>(artifacts);
  }

  /** Writes the manifest as indented JSON. */
  public void write(Path file) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
  }
}
