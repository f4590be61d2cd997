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

  /** The options of a check outside a board run, as a record, so tests can run one without picocli. */
  record Options(Path dist, Optional<Path> kernel, Path sysroot, Path report, String board, long epoch,
      Optional<Path> provenance) {}

  @Override
  public Integer call() throws Exception {
    if (options.out != null) {
      return StageCommand.run(spec, options, Stage.CHECK);
    }
    if (dist == null || sysroot == null || report == null || options.board == null) {
      // No default board: the board says which architecture, loader and kernel the dist is checked against.
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "give --board B --out DIR (a board run's dist), or --board B with --dist, --sysroot and --report");
    }
    return run(new Options(dist, Optional.ofNullable(kernel), sysroot, report,
        options.board,
        options.epoch == null ? JobRequest.DEFAULT_EPOCH : options.epoch, Optional.ofNullable(provenance)),
        spec.commandLine().getErr());
  }

  static int run(Options o, PrintWriter err) {
    CheckTarget target = CheckTargets.of(Boards.load(o.board()));
    CheckReport result = DistCheck.run(new CheckRequest(o.dist(), o.kernel(), o.sysroot(), target),
        new ReportOptions(o.report(), o.board(), o.epoch(), o.provenance(), Map.of()),
        ProcessRunner.inheritingEnvironment(), Path.of(".").toAbsolutePath(), Progress.SILENT);
    for (CheckResult r : result.failures()) {
      err.println(r.describe());
    }
    err.println((result.passed() ? "check passed: " : "check FAILED: ") + result.failures().size() + " failed checks in "
        + result.artifacts().size() + " artifacts; reports in " + o.report());
    err.flush();
    return result.passed() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
  }
}
