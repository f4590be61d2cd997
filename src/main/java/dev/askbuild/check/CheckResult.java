package dev.askbuild.check;

import java.io.Serializable;
import java.util.Comparator;

/** One check on one artifact, carrying its own message: what was expected and what was found. */
public record CheckResult(
    String artifact, String check, CheckStatus status, String expected, String actual, String detail)
    implements Serializable {
  /** Stable report order: by artifact path, then by check name. */
  public static final Comparator<CheckResult> ORDER =
      Comparator.comparing(CheckResult::artifact).thenComparing(CheckResult::check);

  public CheckResult {
    expected = expected == null ? "" : expected;
    actual = actual == null ? "" : actual;
    detail = detail == null ? "" : detail;
  }

  static CheckResult pass(String artifact, String check, String expected, String actual) {
    return new CheckResult(artifact, check, CheckStatus.PASS, expected, actual, "");
  }

  static CheckResult fail(String artifact, String check, String expected, String actual, String detail) {
    return new CheckResult(artifact, check, CheckStatus.FAIL, expected, actual, detail);
  }

  static CheckResult info(String artifact, String check, String actual, String detail) {
    return new CheckResult(artifact, check, CheckStatus.INFO, "", actual, detail);
  }

  public boolean failed() {
    return status == CheckStatus.FAIL;
  }

  /** One line for logs: {@code FAIL bin/x interp: expected A, actual B (detail)}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(status.name()).append(' ').append(artifact).append(' ').append(check);
    if (!expected.isEmpty() || !actual.isEmpty()) {
      sb.append(": expected ").append(expected.isEmpty() ? "-" : expected).append(", actual ").append(actual.isEmpty() ? "-" : actual);
    }
    if (!detail.isEmpty()) {
      sb.append(" (").append(detail).append(')');
    }
    return sb.toString();
  }
}
