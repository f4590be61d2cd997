package dev.askbuild.kernel;

import dev.askbuild.core.AskBuildException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kernel config fragment: its source name, its raw text and the settings it makes. */
public record ConfigFragment(String source, String text, List<FragmentEntry> entries) {
  private static final Pattern SET = Pattern.compile("(CONFIG_[A-Za-z0-9_]+)=(.*)");
  private static final Pattern UNSET = Pattern.compile("# (CONFIG_[A-Za-z0-9_]+) is not set");
  // The value forms Kconfig writes: tristate/bool letters, numbers, hex and quoted strings.
  private static final Pattern VALUE = Pattern.compile("[ynm]|-?[0-9]+|0[xX][0-9a-fA-F]+|\"([^\"\\\\]|\\\\.)*\"");

  public ConfigFragment {
    entries = List.copyOf(entries);
  }

  /**
   * Parses fragment text. Blank lines and comments are skipped; a line that is neither is an error
   * naming the source and line number, as is a symbol set twice (merge_config.sh would silently
   * keep the last).
   */
  public static ConfigFragment parse(String source, String text) {
    Map<String, FragmentEntry> bySymbol = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int number = i + 1;
      FragmentEntry entry = parseLine(line, number, source);
      if (entry == null) {
        continue;
      }
      FragmentEntry earlier = bySymbol.put(entry.symbol(), entry);
      if (earlier != null) {
        throw AskBuildException.badInput(
            source + ":" + number + ": " + entry.symbol() + " is already set on line " + earlier.line());
      }
    }
    return new ConfigFragment(source, text, new ArrayList<>(bySymbol.values()));
  }

  private static FragmentEntry parseLine(String line, int number, String source) {
    if (line.isEmpty()) {
      return null;
    }
    Matcher unset = UNSET.matcher(line);
    if (unset.matches()) {
      return new FragmentEntry(unset.group(1), java.util.Optional.empty(), number);
    }
    if (line.startsWith("#")) {
      return null;
    }
    Matcher set = SET.matcher(line);
    if (set.matches() && VALUE.matcher(set.group(2)).matches()) {
      return new FragmentEntry(set.group(1), java.util.Optional.of(set.group(2)), number);
    }
    throw AskBuildException.badInput(
        source
            + ":"
            + number
            + ": malformed config line '"
            + line
            + "' (expected CONFIG_X=value or '# CONFIG_X is not set')");
  }

  /** The fragment as a file merge_config.sh can read, holding only the given entries. */
  String render(List<FragmentEntry> keep) {
    StringBuilder sb = new StringBuilder("# ").append(source).append(", filtered by askbuild\n");
    keep.forEach(e -> sb.append(e.expectedLine()).append('\n'));
    return sb.toString();
  }
}
