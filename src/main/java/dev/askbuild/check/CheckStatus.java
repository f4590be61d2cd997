package dev.askbuild.check;

/** Outcome of one check; only {@link #FAIL} fails the stage. */
public enum CheckStatus {
  FAIL,
  PASS,
  INFO;

  /** The lower-case name, kept: the reports ask for it once per result, tens of thousands of times. */
  private final String label = name().toLowerCase(java.util.Locale.ROOT);

  public String label() {
    return label;
  }
}
