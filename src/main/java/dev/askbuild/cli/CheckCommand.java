package dev.askbuild.cli;

import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckRequest;
import dev.askbuild.check.CheckResult;
import dev.askbuild.check.CheckTarget;
import dev.askbuild.check.Checker;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.report.ReportOptions;
import dev.askbuild.report.ReportWriter;
import dev.askbuild.report.ToolchainVersions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check every ELF under dist (arch, loader, libraries, kernel modules) and write reports:",
      "checks.json, checks.xml (JUnit), report.html, SHA256SUMS, provenance.json.",
      "Exit 1 when any check fails; exit 2 on bad input."
    })
final class CheckCommand implements Callable<Integer> {
  /** Boards known until board profiles are wired in; each maps to its check target. */

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--dist", required = true, paramLabel = "DIR", description = "Built artifacts to check.")
  Path dist;

  @Option(names = "--kernel", paramLabel = "DIR", description = "Prepared kernel tree (.config, Module.symvers, kernel release); needed for modules.")
  Path kernel;

  @Option(names = "--sysroot", required = true, paramLabel = "DIR", description = "Target sysroot that DT_NEEDED libraries resolve in.")
  Path sysroot;

  @Option(names = "--report", required = true, paramLabel = "DIR", description = "Directory to write the reports to.")
  Path report;

  @Option(names = "--board", paramLabel = "B", defaultValue = "mono-gateway", description = "Board: mono-gateway or demo (default: ${DEFAULT-VALUE}).")
  String board;

  @Option(names = "--provenance", paramLabel = "FILE", description = "JSON object from earlier stages (inputs with paths/sha256) merged into provenance.json.")
  Path provenance;

  /** The options as a record, so tests and the build stage can run a check without picocli. */
  record Options(Path dist, Optional<Path> kernel, Path sysroot, Path report, String board, Optional<Path> provenance) {}

  @Override
  public Integer call() {
    return run(new Options(dist, Optional.ofNullable(kernel), sysroot, report, board, Optional.ofNullable(provenance)),
        spec.commandLine().getErr());
  }

  static int run(Options o, PrintWriter err) {
    CheckTarget target = dev.askbuild.pipeline.CheckTargets.of(dev.askbuild.board.Boards.load(o.board()));
    // The toolchain probe only waits on processes: run it while the check reads files.
    java.util.concurrent.CompletableFuture<Map<String, String>> tools =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> ToolchainVersions.probe(target, ProcessRunner.inheritingEnvironment(), Path.of(".").toAbsolutePath()));
    CheckReport result = new Checker(new StderrProgress(err)).check(new CheckRequest(o.dist(), o.kernel(), o.sysroot(), target));
    ReportWriter.write(result, new ReportOptions(o.report(), o.board(), epoch(), o.provenance(), tools.join()));
    for (CheckResult r : result.failures()) {
      err.println(r.describe());
    }
    err.println((result.passed() ? "check passed: " : "check FAILED: ") + result.failures().size() + " failed checks in "
        + result.artifacts().size() + " artifacts; reports in " + o.report());
    err.flush();
    return result.passed() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
  }

  private static long epoch() {
    String env = System.getenv("SOURCE_DATE_EPOCH");
    if (env == null || env.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(env.strip());
    } catch (NumberFormatException e) {
      throw AskBuildException.badInput("SOURCE_DATE_EPOCH is not a number: " + env);
    }
  }
}
