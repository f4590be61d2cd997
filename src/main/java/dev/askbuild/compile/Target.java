package dev.askbuild.compile;

import dev.askbuild.core.AskBuildException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which part of ASK to build, as the design documents' {@code BUILD_TARGET}: {@code userspace}
 * needs no kernel tree, {@code modules} needs the matching one, {@code dist} is both.
 */
public enum Target {
  USERSPACE,
  MODULES,
  DIST;

  /** True when a component of {@code phase} ({@code modules} or {@code userspace}) is built. */
  public boolean includes(String phase) {
    return this == DIST || label().equals(phase);
  }

  /** Whether this target builds against a kernel tree at all. */
  public boolean needsKernel() {
    return this != USERSPACE;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code userspace}, {@code modules} or {@code dist}; anything else is exit 2. */
  public static Target parse(String text) {
    for (Target t : values()) {
      if (t.label().equals(text)) {
        return t;
      }
    }
    List<String> labels = Arrays.stream(values()).map(Target::label).toList();
    throw AskBuildException.badInput("--target must be " + String.join(", ", labels.subList(0, labels.size() - 1))
        + " or " + labels.get(labels.size() - 1) + ", got '" + text + "'");
  }
}
