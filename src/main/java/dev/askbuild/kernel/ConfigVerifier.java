package dev.askbuild.kernel;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.DotConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a resolved {@code .config} against the fragment that went into it. olddefconfig silently
 * drops or rewrites settings whose dependencies are not met; this is where that surfaces.
 */
final class ConfigVerifier {
  private ConfigVerifier() {}

  /** Every mismatch, in fragment order. */
  static List<KconfigMismatch> mismatches(List<FragmentEntry> expected, DotConfig actual) {
    List<KconfigMismatch> found = new ArrayList<>();
    for (FragmentEntry e : expected) {
      Optional<String> line = actual.line(e.symbol());
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
  static void requireHonoured(List<FragmentEntry> expected, DotConfig dotConfig) {
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
