package dev.askbuild.cli;

import dev.askbuild.board.Boards;
import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckRequest;
import dev.askbuild.check.CheckResult;
import dev.askbuild.check.CheckTarget;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.job.DistCheck;
import dev.askbuild.job.CheckTargets;
import dev.askbuild.job.JobRequest;
import dev.askbuild.job.Stage;
import dev.askbuild.report.ReportOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check every ELF in dist (arch, loader, libraries, kernel modules) and write reports:",
      "checks.json, checks.xml (JUnit), report.html, SHA256SUMS, provenance.json.",
      "With --board B --out DIR: the board run's dist, sysroot and kernel (from OUT/state);"
          + " without --out: the directories given by --dist, --sysroot, --kernel.",
      "Exit 1 when any check fails; exit 2 on bad input."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin JobOptions options;

  @Option(names = "--dist", paramLabel = "DIR", description = "Without --out: built artifacts to check.")
  Path dist;

  @Option(names = "--kernel", paramLabel = "DIR", description = "Without --out: prepared kernel tree (.config, Module.symvers, kernel release); needed for modules.")
  Path kernel;

  @Option(names = "--sysroot", paramLabel = "DIR", description = "Without --out: target sysroot that DT_NEEDED libraries resolve in.")
  Path sysroot;

  @Option(names = "--report", paramLabel = "DIR", description = "Without --out: directory to write the reports to.")
  Path report;

  @Option(names = "--provenance", paramLabel = "FILE", description = "Without --out: JSON object from earlier stages merged into provenance.json.")
  Path provenance;

  @Option(names = "--baseline", paramLabel = "DIR", description = "With --out: compare the check's record with this earlier build's (an out dir, a reports dir, or a directory of an archived checks.json, provenance.json and abi.json) and put the diff in the reports, as `build --baseline` does.")
  Path baseline;

  @Option(names = "--fail-on-abi-change", description = "With --baseline: an ABI change (an export removed, a CRC or SONAME changed) fails the check (exit 1); without it the change is reported only.")
  boolean failOnAbiChange;

  /** The options of a check outside a board run, as a record, so tests can run one without picocli. */
  record Options(Path dist, Optional<Path> kernel, Path sysroot, Path report, String board, long epoch,
      Optional<Path> provenance, Optional<dev.askbuild.core.Libc> libc) {}

  @Override
  public Integer call() throws Exception {
    if (failOnAbiChange && baseline == null) {
      throw dev.askbuild.core.AskBuildException.badInput("--fail-on-abi-change needs --baseline DIR");
    }
    if (options.out != null) {
      return StageCommand.run(spec, options, Stage.CHECK, job -> {
        if (baseline != null) {
          job.compareWith(baseline, failOnAbiChange);
        }
      });
    }
    if (baseline != null) {
      // The diff reads the board run's record (OUT/reports); a check of loose directories has none to compare.
      throw dev.askbuild.core.AskBuildException.badInput("--baseline needs --board B --out DIR (a board run)");
    }
    if (dist == null || sysroot == null || report == null || options.board == null) {
      // No default board: the board says which architecture, loader and kernel the dist is checked against.
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "give --board B --out DIR (a board run's dist), or --board B with --dist, --sysroot and --report");
    }
    return run(new Options(dist, Optional.ofNullable(kernel), sysroot, report,
        options.board,
        options.epoch == null ? JobRequest.DEFAULT_EPOCH : options.epoch, Optional.ofNullable(provenance),
        Optional.ofNullable(options.libc).map(l -> dev.askbuild.core.Libc.parse(l, "--libc"))),
        spec.commandLine().getErr());
  }

  static int run(Options o, PrintWriter err) {
    dev.askbuild.board.BoardProfile board = Boards.load(o.board());
    CheckTarget target = CheckTargets.of(o.libc().map(board::withLibc).orElse(board));
    CheckReport result = DistCheck.run(new CheckRequest(o.dist(), o.kernel(), o.sysroot(), target),
        new ReportOptions(o.report(), o.board(), o.epoch(), o.provenance(), Map.of()),
        ProcessRunner.inheritingEnvironment(), Path.of(".").toAbsolutePath(), Progress.SILENT).report();
    for (CheckResult r : result.failures()) {
      err.println(r.describe());
    }
    err.println((result.passed() ? "check passed: " : "check FAILED: ") + result.failures().size() + " failed checks in "
        + result.artifacts().size() + " artifacts; reports in " + o.report());
    err.flush();
    return result.passed() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
  }
}
