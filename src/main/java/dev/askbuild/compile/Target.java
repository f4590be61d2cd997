package dev.askbuild.compile;

import java.util.Locale;

/** Which part of ASK to build: {@code dist} builds both and stages the artifacts. */
public enum Target {
  USERSPACE,
  MODULES,
  DIST;

  boolean includes(String phase) {
    return this == DIST || name().toLowerCase(Locale.ROOT).equals(phase);
  }
}
