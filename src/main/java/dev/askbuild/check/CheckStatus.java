package dev.askbuild.check;

/** Outcome of one check; only {@link #FAIL} fails the stage. */
public enum CheckStatus {
  FAIL,
  PASS,
  INFO;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
