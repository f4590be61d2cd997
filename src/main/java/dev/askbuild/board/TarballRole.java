package dev.askbuild.board;

import java.util.Locale;

/** What a board's tarball is for: the kernel tree, ASK itself, or a vendored library. */
public enum TarballRole {
  KERNEL,
  ASK,
  VENDORED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
