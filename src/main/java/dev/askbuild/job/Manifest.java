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
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public Manifest {
    components = List.copyOf(components);
    stages = List.copyOf(stages);
    runs = List.copyOf(runs);
    artifacts = new java.util.TreeMap<>(artifacts);
  }

  /** Writes the manifest as indented JSON. */
  public void write(Path file) throws IOException {
    write(file, this);
  }

  /**
   * The one writer of {@code manifest.json}, for a native run's {@link Manifest} and docker mode's
   * (which assembles its own from what each build stage left): indented JSON, written to a
   * temporary sibling and moved into place, so a reader never sees half a manifest.
   */
  public static void write(Path file, Object manifest) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    JSON.writeValue(tmp.toFile(), manifest);
    java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
