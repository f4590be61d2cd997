package dev.askbuild.sysroot;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * A ready sysroot: where it is, the hash of its inputs, whether it came from the cache, and the
 * stage's messages. The path is a string so the result serializes.
 */
public record SysrootResult(String sysroot, String key, boolean cacheHit, List<String> messages)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public SysrootResult {
    messages = List.copyOf(messages);
  }

  public Path path() {
    return Path.of(sysroot);
  }
}
