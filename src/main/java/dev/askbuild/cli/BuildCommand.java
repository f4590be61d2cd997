package dev.askbuild.cli;

import dev.askbuild.board.Boards;
import dev.askbuild.pipeline.BuildPipeline;
import dev.askbuild.pipeline.BuildRequest;
import dev.askbuild.pipeline.BuildSummary;
import dev.askbuild.pipeline.Stage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole pipeline: verify, sysroot, kernel, compile, check. One progress line per stage;"
          + " the first failing stage stops the run with its exit code.",
      "Output: DIR/dist, DIR/reports, DIR/logs, DIR/manifest.json. The demo board makes its own"
          + " inputs when --packages is not given."
    })
final class BuildCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--board", required = true, paramLabel = "B", description = "Board profile (see `askbuild boards`).")
  String board;

  @Option(names = "--packages", paramLabel = "DIR", description = "Vendored tarballs and SHA256SUMS (optional for the demo board).")
  Path packages;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(names = "--stages", paramLabel = "LIST", description = "Stages to run (default: ${DEFAULT-VALUE}).")
  String stages = "verify,sysroot,kernel,compile,check";

  @Option(names = "--epoch", paramLabel = "SECONDS", description = "SOURCE_DATE_EPOCH for every stage (default: ${DEFAULT-VALUE}).")
  long epoch = 1714521600L;

  @Option(names = "--cache", paramLabel = "DIR", description = "Cache directory (default: $ASKBUILD_CACHE or ~/.cache/askbuild).")
  Path cache;

  @Option(names = "--signature", paramLabel = "FILE", description = "Detached signature of SHA256SUMS.")
  Path signature;

  @Option(names = "--keyring", paramLabel = "FILE", description = "Public key file for --signature.")
  Path keyring;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (packages == null && !board.equals("demo")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--packages is required for board " + board + " (only the demo board makes its own inputs)");
    }
    long start = System.nanoTime();
    BuildSummary summary = new BuildPipeline(new StderrProgress(err)).run(new BuildRequest(
        Boards.load(board), Optional.ofNullable(packages), out, Stage.parseList(stages), epoch,
        CacheDirs.resolve(cache), Optional.ofNullable(signature), Optional.ofNullable(keyring)));
    err.printf("build %s: %d stages ok in %.1f s; %d artifacts in %s%n", board, summary.stages().size(),
        (System.nanoTime() - start) / 1e9, summary.artifacts().size(), Path.of(summary.out()).resolve("dist"));
    new java.util.TreeMap<>(summary.artifacts()).forEach((name, sha) -> spec.commandLine().getOut().println(sha + "  " + name));
    return 0;
  }
}
