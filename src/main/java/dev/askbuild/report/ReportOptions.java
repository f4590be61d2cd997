package dev.askbuild.report;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where and with what context the reports are written: the board name, the build's epoch
 * (SOURCE_DATE_EPOCH), an optional provenance JSON to merge (inputs from earlier stages) and the
 * toolchain versions found; and the baseline build the reports compare against, if any.
 *
 * @param baseline a baseline build's record ({@code askbuild diff}'s OLD): the reports then hold the
 *     diff, in its own JUnit test suite
 * @param failOnAbiChange an ABI break against the baseline is a failure (JUnit, verdict, exit 1)
 */
public record ReportOptions(
    Path dir, String board, long epoch, Optional<Path> provenanceInput, Map<String, String> toolchain,
    Optional<Path> baseline, boolean failOnAbiChange) {
  public ReportOptions {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(board, "board");
    Objects.requireNonNull(provenanceInput, "provenanceInput");
    Objects.requireNonNull(baseline, "baseline");
    toolchain = new TreeMap<>(toolchain);
  }

  /** Options without a baseline. */
  public ReportOptions(Path dir, String board, long epoch, Optional<Path> provenanceInput, Map<String, String> toolchain) {
    this(dir, board, epoch, provenanceInput, toolchain, Optional.empty(), false);
  }

  public ReportOptions withBaseline(Optional<Path> dir, boolean fail) {
    return new ReportOptions(this.dir, board, epoch, provenanceInput, toolchain, dir, fail);
  }
}
