package dev.askbuild.job;

import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckRequest;
import dev.askbuild.check.Checker;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.report.ReportOptions;
import dev.askbuild.report.ReportWriter;
import dev.askbuild.report.ToolchainVersions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The check of a dist and its reports, the one way every caller does it: the check stage of a
 * board run and {@code askbuild check --dist} outside one. The reports are written whether the
 * check passed or not; what a failure means (exit 1) is the caller's to say.
 */
public final class DistCheck {
  private DistCheck() {}

  /**
   * @param options where the reports go and what they say; its toolchain versions are probed here
   * @param probeDir the working directory of the toolchain probe's processes
   */
  public static CheckReport run(CheckRequest request, ReportOptions options, ProcessRunner runner, Path probeDir,
      Progress progress) {
    // The toolchain probe only waits on processes: run it while the check reads files, on a thread
    // of its own, since waiting in one of the common pool's threads (one on two cores) would take
    // it from the scan.
    CompletableFuture<Map<String, String>> tools = CompletableFuture.supplyAsync(
        () -> ToolchainVersions.probe(request.target(), runner, probeDir),
        task -> {
          Thread thread = new Thread(task, "askbuild-toolchain-probe");
          thread.setDaemon(true);
          thread.start();
        });
    CheckReport report = new Checker(progress).run(request);
    ReportWriter.write(report, new ReportOptions(options.dir(), options.board(), options.epoch(),
        options.provenanceInput(), tools.join()));
    progress.info("check: reports in " + options.dir());
    return report;
  }
}
