package dev.askbuild.verify;

/** What verification found for one file. */
public enum Status {
  OK,
  MISMATCH,
  MISSING,
  /** In the directory but not in the list: a warning, or a failure with strict mode. */
  UNLISTED
}
