package dev.askbuild.board;

import dev.askbuild.core.AskBuildException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hashes a board ships for its tarballs, Buildroot's {@code .hash} format: {@code sha256
 * <64 hex>  <name>}, blank lines and {@code #} comments (each hash's comment says where it was
 * taken from). A pinned hash outranks the packages directory's {@code SHA256SUMS}: whoever can
 * replace a tarball can rewrite the list beside it, but not a hash shipped inside ask-build.
 */
public record PinnedHashes(String source, Map<String, String> byName) {
  private static final Pattern LINE = Pattern.compile("sha256\\s+([0-9a-f]{64})\\s+(\\S+)");

  public PinnedHashes {
    byName = Map.copyOf(byName);
  }

  public static PinnedHashes none(String source) {
    return new PinnedHashes(source, Map.of());
  }

  /** Parses the file's text; a malformed line or a name pinned twice is exit 2 naming FILE:LINE. */
  public static PinnedHashes parse(String source, String text) {
    Map<String, String> pins = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      var m = LINE.matcher(line);
      if (!m.matches()) {
        throw AskBuildException.badInput(source + ":" + (i + 1)
            + ": expected 'sha256  <64 lowercase hex>  <file name>', got '" + line + "'");
      }
      if (pins.put(m.group(2), m.group(1)) != null) {
        throw AskBuildException.badInput(source + ":" + (i + 1) + ": " + m.group(2) + " is pinned twice");
      }
    }
    return new PinnedHashes(source, pins);
  }

  public Optional<String> of(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
