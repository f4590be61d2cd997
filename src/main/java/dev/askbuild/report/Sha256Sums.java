package dev.askbuild.report;

import dev.askbuild.check.Artifact;
import dev.askbuild.check.CheckReport;

/** {@code SHA256SUMS} of the artifacts, GNU coreutils format ({@code sha256sum -c} reads it). */
final class Sha256Sums {
  private Sha256Sums() {}

  static String render(CheckReport report) {
    StringBuilder sb = new StringBuilder();
    for (Artifact a : report.artifacts()) {
      String path = a.path();
      if (path.contains("\\") || path.contains("\n")) {
        // GNU escapes such names and marks the line with a leading backslash.
        sb.append('\\').append(a.sha256()).append("  ").append(path.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
      } else {
        sb.append(a.sha256()).append("  ").append(path).append('\n');
      }
    }
    return sb.toString();
  }
}
