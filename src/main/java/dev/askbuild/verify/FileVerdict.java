package dev.askbuild.verify;

import dev.askbuild.core.TrustedFile;
import java.io.Serializable;

/**
 * The outcome for one file; {@code expected}, {@code actual} or {@code trusted} is null where there
 * is none.
 *
 * @param pinned the expected hash is the board's pin (which outranks {@code SHA256SUMS})
 * @param trusted the file as it was proven, for the stages that read it (only when {@code OK})
 */
public record FileVerdict(String file, String expected, String actual, Status status, boolean pinned,
    TrustedFile trusted) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A verdict with no hash proven. */
  public static FileVerdict of(String file, String expected, String actual, Status status) {
    return new FileVerdict(file, expected, actual, status, false, null);
  }

  /** A message a user can act on, or an empty string for a good file. */
  public String describe() {
    return switch (status) {
      case OK -> "";
      case MISMATCH -> "sha256 mismatch: "
          + file
          + "\n  expected: "
          + expected
          + (pinned ? " (pinned by the board)" : "")
          + "\n  actual:   "
          + actual;
      case MISSING -> "missing: " + file + " is " + (pinned ? "pinned by the board" : "listed")
          + " but not in the packages directory";
      case UNLISTED -> "unlisted: " + file + " is not in the checksum list";
      case LIST_CONFLICT -> "checksum list conflict: " + file + " is listed with " + actual
          + " but the board pins " + expected + "; the list (or the file) was altered";
      case UNPINNED -> "unpinned: " + file + " has no hash pinned by the board (--require-pinned)";
    };
  }
}
