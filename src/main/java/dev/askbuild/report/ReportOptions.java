package dev.askbuild.report;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where and with what context the reports are written: the board name, the build's epoch
 * (SOURCE_DATE_EPOCH), an optional provenance JSON to merge (inputs from earlier stages) and the
 * toolchain versions found.
 */
public record ReportOptions(
    Path dir, String board, long epoch, Optional<Path> provenanceInput, Map<String, String> toolchain) {
  public ReportOptions {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(board, "board");
    Objects.requireNonNull(provenanceInput, "provenanceInput");
    toolchain = new TreeMap<>(toolchain);
  }
}
