package dev.askbuild.verify;

/** The outcome for one file; {@code expected} or {@code actual} is null where there is none. */
public record FileVerdict(String file, String expected, String actual, Status status) {

  /** A message a user can act on, or an empty string for a good file. */
  public String describe() {
    return switch (status) {
      case OK -> "";
      case MISMATCH -> "sha256 mismatch: "
          + file
          + "\n  expected: "
          + expected
          + "\n  actual:   "
          + actual;
      case MISSING -> "missing: " + file + " is listed but not in the packages directory";
      case UNLISTED -> "unlisted: " + file + " is not in the checksum list";
    };
  }
}
