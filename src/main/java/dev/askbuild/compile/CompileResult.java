package dev.askbuild.compile;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The staged artifacts: {@code dist/} and the sha256 of each file in it, by name, with the stage's
 * messages. Paths are strings so the result serializes.
 */
public record CompileResult(String tree, String dist, Map<String, String> artifacts, List<String> messages)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public CompileResult {
    artifacts = new TreeMap<>(artifacts);
    messages = List.copyOf(messages);
  }

  public Path distPath() {
    return Path.of(dist);
  }

  /** The same result with dist published elsewhere. */
  public CompileResult withDist(Path published) {
    return new CompileResult(tree, published.toString(), artifacts, messages);
  }
}
