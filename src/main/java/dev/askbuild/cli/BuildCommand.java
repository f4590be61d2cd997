package dev.askbuild.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.job.BoardJob;
import dev.askbuild.job.JobRequest;
import dev.askbuild.job.Stage;
import dev.askbuild.job.StageRun;
import dev.askbuild.job.Manifest;
import dev.askbuild.job.StageSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole pipeline, every stage in order (`askbuild catalog` lists them), each exactly as its own"
          + " command runs it. One progress line per stage; the first failing stage stops the run with"
          + " its exit code.",
      "Output: DIR/dist, DIR/reports, DIR/logs, DIR/state, DIR/work, DIR/manifest.json."
    })
final class BuildCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin JobOptions options;

  @Option(names = "--stages", paramLabel = "LIST", description = "Stages to run (default: ${DEFAULT-VALUE}); a stage not run here reads an earlier run's result from DIR/state.")
  String stages = String.join(",", Stage.labels());

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    JobRequest request = options.request();
    var selected = Stage.parseList(stages);
    long start = System.nanoTime();
    BoardJob job = BoardJob.open(request, ProcessRunner.forBuilds(), new StderrProgress(err));
    Manifest manifest;
    try {
      manifest = job.build(selected);
    } catch (AskBuildException e) {
      if (options.json) {
        StageCommand.print(spec, StageCommand.envelope("build", request.board(), request.out().toString(),
            StageRun.failed("build", e.exitCode(), e.getMessage(), (System.nanoTime() - start) / 1_000_000)));
      }
      throw e;
    }
    err.printf("build %s: %d stages ok in %.1f s; %d artifacts in %s%n", request.board(), manifest.runs().size(),
        (System.nanoTime() - start) / 1e9, manifest.artifacts().size(), job.workspace().dist());
    if (options.json) {
      StageRun whole = new StageRun("build", "ok", 0, null, "none", (System.nanoTime() - start) / 1_000_000, List.of(),
          new StageSummary.Build(manifest.artifacts(), job.workspace().manifest().toString()));
      ObjectNode json = StageCommand.envelope("build", request.board(), request.out().toString(), whole);
      ArrayNode runs = json.putArray("stages");
      for (StageRun run : manifest.runs()) {
        runs.add(StageCommand.envelope(run.stage(), request.board(), request.out().toString(), run));
      }
      StageCommand.print(spec, json);
    } else {
      manifest.artifacts().forEach((name, sha) -> spec.commandLine().getOut().println(sha + "  " + name));
    }
    return 0;
  }
}
