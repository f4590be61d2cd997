package dev.askbuild.compile;

import java.nio.file.Path;
import java.util.Map;

/** The staged artifacts: {@code dist/} and the sha256 of each file in it, by name. */
public record CompileResult(Path tree, Path dist, Map<String, String> artifacts) {
  public CompileResult {
    artifacts = Map.copyOf(artifacts);
  }
}
