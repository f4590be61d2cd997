package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.EngineResult;
import dev.askbuild.jenkins.adapter.StageFailedException;
import hudson.AbortException;
import dev.askbuild.jenkins.adapter.OutputTail;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONException;
import net.sf.json.JSONObject;

/**
 * One short engine run on the agent while a Java step waits: the workspace made first (a fresh
 * job has none), the agent's Java running the placed engine jar in the workspace with the argument
 * list (never a shell line), standard error to the build log, the {@code --json} result parsed.
 * Interrupting the waiting thread (an abort) kills the process tree.
 */
final class EngineProcess {
  private EngineProcess() {}

  /** What a run left: its exit code and output, and the agent's Java and engine jar it used. */
  record Output(int exitCode, String stdout, String stderrTail, String java, String jar) {}

  static Output run(List<String> engineArgs, String mainClass, FilePath workspace, Launcher launcher, EnvVars env,
      TaskListener listener, String step) throws IOException, InterruptedException {
    workspace.mkdirs();
    String[] engine = JenkinsAgent.engine(workspace);
    List<String> argv = new ArrayList<>(List.of(engine[0]));
    if (mainClass == null) {
      argv.addAll(List.of("-jar", engine[1]));
    } else {
      argv.addAll(List.of("-cp", engine[1], mainClass));
    }
    argv.addAll(engineArgs);
    listener.getLogger().println(step + ": " + String.join(" ", argv));
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    OutputTail stderr = new OutputTail(listener.getLogger());
    int code = launcher.launch().cmds(argv).envs(env).pwd(workspace).stdout(stdout).stderr(stderr).quiet(true).join();
    return new Output(code, stdout.toString(StandardCharsets.UTF_8), stderr.text(), engine[0], engine[1]);
  }

  /** A stage command's result map, or its failure with the engine's own message. */
  static LinkedHashMap<String, Serializable> stage(String step, Output output) throws AbortException {
    try {
      return EngineResult.of(step, json(output.stdout()), output.exitCode(), output.stderrTail());
    } catch (StageFailedException e) {
      // A user's mistake or a failed check: one line, no stack trace.
      throw new AbortException(e.getMessage());
    }
  }

  /**
   * The one JSON object on stdout, as json-lib's maps and lists; stray lines before it are
   * tolerated so an agent's JVM banner ("Picked up JAVA_TOOL_OPTIONS") does not lose the result.
   */
  static Map<?, ?> json(String text) {
    int start = text.indexOf('{');
    if (start < 0) {
      return null;
    }
    try {
      return JSONObject.fromObject(text.substring(start));
    } catch (JSONException e) {
      return null;
    }
  }
}
