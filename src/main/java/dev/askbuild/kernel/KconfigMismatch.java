package dev.askbuild.kernel;

import java.util.Optional;

/** A fragment setting the resolved {@code .config} does not honour. */
public record KconfigMismatch(String symbol, String expected, Optional<String> actual) {
  /** The three-line form users and CI grep for. */
  public String describe() {
    return "kconfig mismatch: "
        + symbol
        + "\nexpected: "
        + expected
        + "\nactual: "
        + actual.orElse("<missing>");
  }
}
