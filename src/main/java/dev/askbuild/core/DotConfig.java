package dev.askbuild.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kernel {@code .config} as Kconfig writes it: {@code CONFIG_X=value} lines and {@code # CONFIG_X
 * is not set} lines; anything else is a comment. The one reader of it for the kernel stage (which
 * verifies the resolved file), the compile stage (kernel requirements) and the check stage
 * (vermagic). Symbols are named with their {@code CONFIG_} prefix.
 */
public final class DotConfig {
  private static final String PREFIX = "CONFIG_";
  private static final String NOT_SET = " is not set";

  /** Set symbols to their values. */
  private final Map<String, String> values;
  /** Symbols written as "not set". */
  private final Set<String> unset;

  private DotConfig(Map<String, String> values, Set<String> unset) {
    this.values = Map.copyOf(values);
    this.unset = Set.copyOf(unset);
  }

  public static DotConfig parse(String text) {
    Map<String, String> values = new HashMap<>();
    Set<String> unset = new HashSet<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith(PREFIX)) {
        int eq = line.indexOf('=');
        if (eq > PREFIX.length() && isSymbol(line.substring(0, eq))) {
          values.put(line.substring(0, eq), line.substring(eq + 1));
        }
      } else if (line.startsWith("# " + PREFIX) && line.endsWith(NOT_SET)) {
        String symbol = line.substring(2, line.length() - NOT_SET.length());
        if (isSymbol(symbol)) {
          unset.add(symbol);
        }
      }
    }
    return new DotConfig(values, unset);
  }

  /** The file's settings; a missing file has none. */
  public static DotConfig read(Path file) throws IOException {
    return Files.exists(file) ? parse(Files.readString(file, StandardCharsets.UTF_8)) : parse("");
  }

  private static boolean isSymbol(String s) {
    for (int i = PREFIX.length(); i < s.length(); i++) {
      char c = s.charAt(i);
      // ASCII first, as Kconfig writes them: a kernel's .config has ten thousand lines, read before
      // the JIT has compiled Character's tables.
      boolean ascii = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      if (!ascii && (c < 0x80 || !Character.isLetterOrDigit(c))) {
        return false;
      }
    }
    return s.length() > PREFIX.length();
  }

  /** The value of a set symbol ({@code y}, {@code m}, a number or a quoted string). */
  public Optional<String> value(String symbol) {
    return Optional.ofNullable(values.get(symbol));
  }

  /** Built in or as a module. */
  public boolean enabled(String symbol) {
    String v = values.get(symbol);
    return "y".equals(v) || "m".equals(v);
  }

  /** Whether the file mentions the symbol at all, set or "not set". */
  public boolean mentions(String symbol) {
    return values.containsKey(symbol) || unset.contains(symbol);
  }

  /** The symbol's line as Kconfig writes it, if the file mentions it. */
  public Optional<String> line(String symbol) {
    if (values.containsKey(symbol)) {
      return Optional.of(symbol + "=" + values.get(symbol));
    }
    return unset.contains(symbol) ? Optional.of("# " + symbol + NOT_SET) : Optional.empty();
  }
}
