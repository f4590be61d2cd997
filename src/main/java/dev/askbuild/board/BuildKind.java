package dev.askbuild.board;

import java.util.Locale;

/**
 * How a vendored library is built: into the sysroot by its {@code ./configure} ({@code
 * autotools}) or its own Makefile ({@code make}), or left to the compile stage's plan ({@code
 * compile}), which unpacks it where ASK's build expected a download.
 */
public enum BuildKind {
  AUTOTOOLS,
  MAKE,
  COMPILE;

  /** The name a profile writes. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean inSysroot() {
    return this != COMPILE;
  }
}
