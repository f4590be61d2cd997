package dev.askbuild.pipeline;

import dev.askbuild.core.AskBuildException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The pipeline's stages, in the order they run. */
public enum Stage {
  VERIFY,
  SYSROOT,
  KERNEL,
  COMPILE,
  CHECK;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code verify,sysroot,...}; an unknown name is bad input listing the known ones. */
  public static Set<Stage> parseList(String text) {
    Set<Stage> stages = EnumSet.noneOf(Stage.class);
    for (String part : text.split(",")) {
      String name = part.strip();
      try {
        stages.add(valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw AskBuildException.badInput(
            "unknown stage '" + name + "'; known stages: verify, sysroot, kernel, compile, check");
      }
    }
    return stages;
  }
}
