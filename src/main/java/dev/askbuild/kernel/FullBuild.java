package dev.askbuild.kernel;

import dev.askbuild.core.AskBuildException;
import java.util.Locale;

/** Whether the stage builds {@code Image modules} or only {@code modules_prepare}. */
public enum FullBuild {
  /** Full build when the resolved config has {@code CONFIG_MODVERSIONS=y}: only then do out-of-tree
   * modules need the CRCs of a real {@code Module.symvers}. */
  AUTO,
  ALWAYS,
  NEVER;

  public static FullBuild parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw AskBuildException.badInput("--full-build must be auto, always or never, got '" + text + "'");
    }
  }

  boolean wanted(boolean modversions) {
    return this == ALWAYS || (this == AUTO && modversions);
  }
}
