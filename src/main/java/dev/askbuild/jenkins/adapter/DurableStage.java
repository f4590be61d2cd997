package dev.askbuild.jenkins.adapter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A long stage (sysroot, kernel, compile, the whole build) run as a durable task, which keeps
 * running on the agent while the controller restarts: Java does the short setup (engine jar,
 * secret files) and the cleanup, and the durable task runs a fixed shell line. The line holds only
 * variable names; every argument reaches it through the environment as {@code "$ASKBUILD_ARG_n"},
 * so no value is ever parsed by the shell. The engine's JSON goes to a result file in the
 * workspace's temporary directory, read when the task ends.
 */
public final class DurableStage {
  public static final String ARG_PREFIX = "ASKBUILD_ARG_";
  public static final String RESULT_VAR = "ASKBUILD_RESULT";

  private DurableStage() {}

  /**
   * What the durable task needs, and what survives a restart: paths and variable names only
   * (the environment holds the argument list, whose secrets are file paths).
   */
  public record Plan(String step, String script, TreeMap<String, String> env, String resultFile, SecretDir secrets)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  public static Plan prepare(StepConfig config, Agent agent, EngineJar jar, List<SecretSource> secrets, PrintStream log)
      throws IOException, InterruptedException {
    String step = config.kind().functionName();
    List<SecretSource> sources = Credentials.sourcesFor(config, secrets);
    String jarPath = jar.place(agent.files(), agent.root());
    SecretDir dir = SecretDir.create(agent.files(), agent.tempDir());
    try {
      // Masking is not needed here: the line printed is built from paths, never from contents.
      dir.write(agent.files(), sources);
      List<String> argv = StageRunner.command(agent.java(), jarPath, EngineArgs.of(config, agent.workspace(), dir.paths()));
      String resultFile = agent.tempDir() + "/askbuild-result-" + UUID.randomUUID() + ".json";
      log.println(step + ": " + String.join(" ", argv));
      return new Plan(step, script(argv.size()), env(argv, resultFile), resultFile, dir);
    } catch (IOException | InterruptedException | RuntimeException e) {
      dir.delete(agent.files());
      throw e;
    }
  }

  /** The fixed shell line for an argument list of {@code n} entries. */
  public static String script(int n) {
    StringBuilder line = new StringBuilder("exec");
    for (int i = 0; i < n; i++) {
      line.append(" \"$").append(ARG_PREFIX).append(i).append('"');
    }
    return line.append(" >\"$").append(RESULT_VAR).append("\"\n").toString();
  }

  static TreeMap<String, String> env(List<String> argv, String resultFile) {
    TreeMap<String, String> env = new TreeMap<>();
    for (int i = 0; i < argv.size(); i++) {
      env.put(ARG_PREFIX + i, argv.get(i));
    }
    env.put(RESULT_VAR, resultFile);
    return env;
  }

  /**
   * Reads the result after the task exited with {@code exitCode}, then removes the secret files
   * and the result file whatever the outcome.
   */
  public static LinkedHashMap<String, Serializable> finish(Plan plan, AgentFiles files, int exitCode)
      throws IOException, InterruptedException {
    try {
      String json = files.exists(plan.resultFile()) ? files.readText(plan.resultFile()) : "";
      return EngineResult.parse(plan.step(), json, exitCode, "(the engine's messages are in the log above)");
    } finally {
      abandon(plan, files);
    }
  }

  /** Cleanup for a task that was stopped or could not start. */
  public static void abandon(Plan plan, AgentFiles files) throws IOException, InterruptedException {
    try {
      plan.secrets().delete(files);
    } finally {
      files.deleteRecursive(plan.resultFile());
    }
  }

  /** The variables the durable task's environment gets on top of the build's. */
  public static Map<String, String> variables(Plan plan) {
    return Map.copyOf(plan.env());
  }
}
