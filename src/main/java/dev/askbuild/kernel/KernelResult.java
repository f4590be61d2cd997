package dev.askbuild.kernel;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * A prepared kernel tree and how it came to be. {@code messages} are the lines a front end shows.
 * Paths are kept as strings so the result stays serializable for the Jenkins layer.
 *
 * @param tree the prepared tree inside the cache; point {@code make -C} at it
 * @param cacheHit the tree was already in the cache and nothing was built
 * @param objects the objects the tree's make built (kbuild's CC, AS, LD and AR lines), on a hit those
 *     of the run that published it; the next build of the same tree and config expects as many
 * @param buildMillis how long that make took
 */
public record KernelResult(
    String tree, String manifestFile, KernelManifest manifest, boolean cacheHit, int objects, long buildMillis,
    List<String> messages)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public KernelResult {
    messages = List.copyOf(messages);
  }

  public Path treePath() {
    return Path.of(tree);
  }

  public Path manifestPath() {
    return Path.of(manifestFile);
  }

  public List<String> droppedSymbols() {
    return manifest.droppedSymbols();
  }
}
