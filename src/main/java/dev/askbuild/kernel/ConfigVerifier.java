package dev.askbuild.kernel;

import dev.askbuild.core.AskBuildException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a resolved {@code .config} against the fragment that went into it. olddefconfig silently
 * drops or rewrites settings whose dependencies are not met; this is where that surfaces.
 */
final class ConfigVerifier {
  private static final Pattern SET = Pattern.compile("(CONFIG_[A-Za-z0-9_]+)=(.*)");
  private static final Pattern UNSET = Pattern.compile("# (CONFIG_[A-Za-z0-9_]+) is not set");

  private ConfigVerifier() {}

  /** Symbol to its line in the resolved config, for every symbol the file mentions. */
  static Map<String, String> lines(String dotConfig) {
    Map<String, String> lines = new HashMap<>();
    for (String raw : dotConfig.split("\n")) {
      String line = raw.strip();
      Matcher set = SET.matcher(line);
      Matcher unset = UNSET.matcher(line);
      if (set.matches()) {
        lines.put(set.group(1), line);
      } else if (unset.matches()) {
        lines.put(unset.group(1), line);
      }
    }
    return lines;
  }

  /** Every mismatch, in fragment order. */
  static List<KconfigMismatch> mismatches(List<FragmentEntry> expected, String dotConfig) {
    Map<String, String> actual = lines(dotConfig);
    List<KconfigMismatch> found = new ArrayList<>();
    for (FragmentEntry e : expected) {
      Optional<String> line = Optional.ofNullable(actual.get(e.symbol()));
      // "Not set" is also honoured by a symbol that is absent (its menu is off): both mean n.
      boolean ok =
          e.value().isEmpty()
              ? line.isEmpty() || line.get().equals(e.expectedLine())
              : line.isPresent() && line.get().equals(e.expectedLine());
      if (!ok) {
        found.add(new KconfigMismatch(e.symbol(), e.expectedLine(), line));
      }
    }
    return found;
  }

  /** Fails with exit 1 listing every mismatch at once, or returns quietly. */
  static void requireHonoured(List<FragmentEntry> expected, String dotConfig) {
    List<KconfigMismatch> found = mismatches(expected, dotConfig);
    if (!found.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (KconfigMismatch m : found) {
        sb.append(m.describe()).append('\n');
      }
      sb.append(found.size()).append(" fragment setting(s) not honoured by the resolved .config");
      throw AskBuildException.checkFailed(sb.toString());
    }
  }
}
