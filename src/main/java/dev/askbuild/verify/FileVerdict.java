package dev.askbuild.verify;

import dev.askbuild.core.TrustedFile;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * The outcome for one file; {@code expected}, {@code actual} or {@code trusted} is null where there
 * is none.
 *
 * @param pinned the expected hash is the board's pin (which outranks {@code SHA256SUMS})
 * @param trusted the file as it was proven, for the stages that read it (only when {@code OK})
 */
public record FileVerdict(String file, String expected, String actual, Status status, boolean pinned,
    TrustedFile trusted, @com.fasterxml.jackson.annotation.JsonIgnore String list) implements Serializable {
  private static final long serialVersionUID = 1L;

  public FileVerdict(String file, String expected, String actual, Status status, boolean pinned, TrustedFile trusted) {
    this(file, expected, actual, status, pinned, trusted, null);
  }

  /** The same verdict naming the checksum list a line would be added to. */
  FileVerdict listedIn(Path sums) {
    return new FileVerdict(file, expected, actual, status, pinned, trusted, sums.toString());
  }

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
      case UNLISTED -> "unlisted: " + file + " is not in the checksum list" + (actual == null ? ""
          : "; if it is the file you meant (compare " + actual + " with what its publisher gives), add the line '"
              + actual + "  " + file + "' to " + (list == null ? "SHA256SUMS" : list));
      case LIST_CONFLICT -> "checksum list conflict: " + file + " is listed with " + actual
          + " but the board pins " + expected + "; the list (or the file) was altered";
      case UNPINNED -> "unpinned: " + file + " has no hash pinned by the board (--require-pinned)";
    };
  }
}
