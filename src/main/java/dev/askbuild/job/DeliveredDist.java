package dev.askbuild.job;

import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckResult;
import dev.askbuild.check.CheckStatus;
import dev.askbuild.compile.CompileResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The compile stage's delivery held against what the check read. Each artifact removed from or
 * rewritten in dist between the two stages (they may run as separate processes), and a dist with
 * nothing in it, is a failed check case of its own, so that it is in checks.json, checks.xml and
 * report.html like any other failure rather than only on standard error next to green reports.
 */
final class DeliveredDist {
  static final String CHECK = "delivered";

  private DeliveredDist() {}

  /** The report with a failed case for each artifact the check did not see as delivered. */
  static CheckReport held(CompileResult built, CheckReport report) {
    return report.withResults(failures(built, report));
  }

  /** The stage's message when the delivery was not what was checked, naming each file. */
  static Optional<String> problem(CompileResult built, CheckReport report) {
    List<CheckResult> failed = failures(built, report);
    if (failed.isEmpty()) {
      return Optional.empty();
    }
    if (built.artifacts().isEmpty()) {
      return Optional.of("check: the compile stage delivered no artifact to " + built.dist()
          + "; a green check of nothing would say nothing");
    }
    return Optional.of("check: dist " + built.dist() + " is not what the compile stage delivered: "
        + String.join(", ", failed.stream().map(r -> r.artifact() + " (" + r.detail() + ")").toList()));
  }

  private static List<CheckResult> failures(CompileResult built, CheckReport report) {
    List<CheckResult> failed = new ArrayList<>();
    if (built.artifacts().isEmpty()) {
      // The selection refuses this up front; a dist left empty by an earlier run is refused here.
      failed.add(new CheckResult(built.dist(), CHECK, CheckStatus.FAIL, "at least one artifact", "none",
          "the compile stage delivered nothing"));
      return failed;
    }
    Map<String, String> checked = new TreeMap<>();
    report.artifacts().forEach(a -> checked.put(a.path(), a.sha256()));
    new TreeMap<>(built.artifacts()).forEach((name, sha) -> {
      String got = checked.get(name);
      if (!sha.equals(got)) {
        failed.add(new CheckResult(name, CHECK, CheckStatus.FAIL, "sha256 " + sha,
            got == null ? "missing" : "sha256 " + got, got == null ? "missing" : "its bytes changed"));
      }
    });
    return failed;
  }
}
