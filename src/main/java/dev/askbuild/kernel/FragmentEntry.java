package dev.askbuild.kernel;

import java.util.Optional;

/**
 * One setting of a config fragment: {@code CONFIG_X=value}, or {@code # CONFIG_X is not set} when
 * {@code value} is empty.
 */
public record FragmentEntry(String symbol, Optional<String> value, int line) {
  /** The line as it must appear in a resolved {@code .config}. */
  public String expectedLine() {
    return value.map(v -> symbol + "=" + v).orElse("# " + symbol + " is not set");
  }
}
