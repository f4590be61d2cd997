package dev.askbuild.jenkins.adapter;

import dev.askbuild.board.Boards;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job form's field checks ({@code doCheckX}), answered by the same validation the step runs:
 * a field is checked by validating a minimal step with only that field set, so the form and the
 * build can never disagree. Empty means fine.
 */
public final class FormChecks {
  private FormChecks() {}

  public static Optional<String> board(String value) {
    return check(StepKind.CHECK, "board", value);
  }

  public static Optional<String> out(String value) {
    return check(StepKind.CHECK, "out", value);
  }

  /** The target as {@code kind} takes it: the kernel step has no userspace target. */
  public static Optional<String> target(StepKind kind, String value) {
    return check(kind, "target", value);
  }

  public static Optional<String> components(String value) {
    return check(StepKind.COMPILE, "components", value);
  }

  public static Optional<String> stages(String value) {
    return check(StepKind.BUILD, "stages", value);
  }

  /** A number field arrives as text from the form. */
  public static Optional<String> epoch(String value) {
    return number(StepKind.SYSROOT, "epoch", value);
  }

  public static Optional<String> jobs(String value) {
    return number(StepKind.KERNEL, "jobs", value);
  }

  public static Optional<String> privateName(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of("the file name SHA256SUMS lists the tarball under is required");
    }
    return validate(StepKind.SYSROOT, Map.of("privateTarballs", List.of(Map.of("credentialsId", "x", "name", value))));
  }

  private static Optional<String> number(StepKind kind, String field, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return validate(kind, Map.of(field, Long.parseLong(value.strip())));
    } catch (NumberFormatException e) {
      return Optional.of(field + " must be a whole number, got '" + value + "'");
    }
  }

  private static Optional<String> check(StepKind kind, String field, String value) {
    if (value == null || value.isBlank()) {
      return field.equals("board") ? Optional.of("board is required") : Optional.empty();
    }
    return validate(kind, Map.of(field, value));
  }

  private static Optional<String> validate(StepKind kind, Map<String, Object> fields) {
    Map<String, Object> args = new java.util.HashMap<>(fields);
    args.putIfAbsent("board", "demo");
    try {
      StepConfig.of(kind, args);
      return Optional.empty();
    } catch (ParameterException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The board names, for the form's drop-down. */
  public static List<String> boards() {
    return Boards.names();
  }
}
