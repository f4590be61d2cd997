package dev.askbuild.verify;

/** What verification found for one file. */
public enum Status {
  OK,
  MISMATCH,
  MISSING,
  /** In the directory but not in the list: a warning, or a failure with strict mode. */
  UNLISTED,
  /** The list names another hash than the one the board pins: the list is not to be trusted. */
  LIST_CONFLICT,
  /** A file the board reads has no pinned hash, and pins were required. */
  UNPINNED
}
