package dev.askbuild.cli;

import dev.askbuild.board.Boards;
import dev.askbuild.pipeline.BuildPipeline;
import dev.askbuild.pipeline.BuildRequest;
import dev.askbuild.pipeline.Stage;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "sysroot",
    mixinStandardHelpOptions = true,
    description = {
      "Stage the board's arm64 glibc sysroot: Debian's cross libc, the board's -dev packages, and its"
          + " vendored libraries cross-built with their patches. Inputs are verified first. Cached.",
      "Prints the sysroot's path."
    })
final class SysrootCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--board", required = true, paramLabel = "B", description = "Board profile.")
  String board;

  @Option(names = "--packages", paramLabel = "DIR", description = "Vendored tarballs and SHA256SUMS (optional for the demo board).")
  Path packages;

  @Option(names = "--work", required = true, paramLabel = "DIR", description = "Work directory (sources, logs).")
  Path work;

  @Option(names = "--epoch", paramLabel = "SECONDS", description = "SOURCE_DATE_EPOCH (default: ${DEFAULT-VALUE}).")
  long epoch = 1714521600L;

  @Option(names = "--cache", paramLabel = "DIR", description = "Cache directory (default: $ASKBUILD_CACHE or ~/.cache/askbuild).")
  Path cache;

  @Override
  public Integer call() throws Exception {
    var summary = new BuildPipeline(new StderrProgress(spec.commandLine().getErr())).run(new BuildRequest(
        Boards.load(board), Optional.ofNullable(packages), work, EnumSet.of(Stage.VERIFY, Stage.SYSROOT), epoch,
        CacheDirs.resolve(cache), Optional.empty(), Optional.empty()));
    spec.commandLine().getOut().println(summary.sysroot());
    return 0;
  }
}
