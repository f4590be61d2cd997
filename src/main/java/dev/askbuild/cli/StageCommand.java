package dev.askbuild.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.job.BoardJob;
import dev.askbuild.job.JobRequest;
import dev.askbuild.job.OutDirLock;
import dev.askbuild.job.Stage;
import dev.askbuild.job.StageRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one stage of a board run for a stage command, and with {@code --json} prints its {@link
 * StageRun} as the documented JSON object (also when the stage fails, before the exit code is
 * returned): the contract the Jenkins steps and the container build read.
 */
final class StageCommand {
  static final int SCHEMA = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StageCommand() {}

  static int run(CommandSpec spec, JobOptions options, Stage stage) throws IOException {
    return run(spec, options, stage, job -> { });
  }

  /** The same, with {@code setup} applied to the job first (the check's {@code --baseline}). */
  static int run(CommandSpec spec, JobOptions options, Stage stage, java.util.function.Consumer<BoardJob> setup)
      throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    JobRequest request = null;
    // What the stage reported before it failed goes into the JSON too, as it went into its log.
    dev.askbuild.core.Messages reported = new dev.askbuild.core.Messages(new StderrProgress(err));
    try {
      request = options.request();
      BoardJob job = BoardJob.open(request, ProcessRunner.forBuilds(), reported);
      setup.accept(job);
      StageRun run;
      try (OutDirLock lock = OutDirLock.acquire(request.out(), options.waitForOut)) {
        run = job.run(stage);
      }
      if (options.json) {
        print(spec, envelope(stage.label(), request.board(), request.out().toString(), run));
      }
      return ExitCode.OK.code();
    } catch (AskBuildException e) {
      if (options.json) {
        print(spec, envelope(stage.label(), request == null ? options.board : request.board(), request == null ? String.valueOf(options.out)
            : request.out().toString(), withMessages(StageRun.failed(stage.label(), e.exitCode(), e.getMessage(),
            (System.nanoTime() - start) / 1_000_000), reported.lines())));
      }
      throw e;
    }
  }

  private static StageRun withMessages(StageRun failed, java.util.List<String> messages) {
    return new StageRun(failed.stage(), failed.status(), failed.exitCode(), failed.error(), failed.cache(),
        failed.millis(), messages.stream().filter(l -> !l.startsWith("[")).toList(), failed.summary());
  }

  static ObjectNode envelope(String command, String board, String out, StageRun run) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("command", command);
    root.put("board", board);
    root.put("status", run.status());
    root.put("exitCode", run.exitCode());
    if (run.error() != null) {
      root.put("error", run.error());
    }
    root.put("seconds", run.millis() / 1000.0);
    root.put("cache", run.cache());
    root.put("out", out);
    ArrayNode messages = root.putArray("messages");
    run.messages().forEach(messages::add);
    root.set("result", JSON.valueToTree(run.summary()));
    return root;
  }

  static void print(CommandSpec spec, ObjectNode json) {
    try {
      PrintWriter out = spec.commandLine().getOut();
      out.println(JSON.writeValueAsString(json));
      out.flush();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
