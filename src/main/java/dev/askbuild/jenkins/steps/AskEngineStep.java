package dev.askbuild.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code askEngine}: puts the plugin's engine jar on the agent (once per plugin version) and asks
 * it what the run does, before any stage: the board, target, components and stages checked by
 * the engine's own API ({@code dev.askbuild.jenkins.plan.StagePlan}) and the stages in the order
 * it runs them. Returns {@code [java:, jar:, stages: [...], steps: [...]]}: the agent's Java and
 * the jar for the {@code sh} stages, and which of the optional steps askBuild uses (properties,
 * junit) this Jenkins has. Short, and run again after a restart.
 */
public final class AskEngineStep extends Step implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Steps askBuild uses only when their plugin is installed. */
  static final List<String> OPTIONAL_STEPS = List.of("properties", "junit");

  private final String board;
  private String target;
  private String components;
  private String stages;

  @DataBoundConstructor
  public AskEngineStep(String board) {
    this.board = board;
  }

  public String getBoard() {
    return board;
  }

  public @CheckForNull String getTarget() {
    return target;
  }

  @DataBoundSetter
  public void setTarget(@CheckForNull String target) {
    this.target = target;
  }

  public @CheckForNull String getComponents() {
    return components;
  }

  @DataBoundSetter
  public void setComponents(@CheckForNull String components) {
    this.components = components;
  }

  public @CheckForNull String getStages() {
    return stages;
  }

  @DataBoundSetter
  public void setStages(@CheckForNull String stages) {
    this.stages = stages;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, this);
  }

  private static final class Execution extends RerunExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    private final AskEngineStep step;

    Execution(StepContext context, AskEngineStep step) {
      super(context);
      this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
      StepContext c = getContext();
      FilePath ws = c.get(FilePath.class);
      List<String> args = new ArrayList<>();
      for (String[] option : new String[][] {{"--board", step.board}, {"--target", step.target},
          {"--components", step.components}, {"--stages", step.stages}}) {
        if (option[1] != null && !option[1].isBlank()) {
          args.add(option[0]);
          args.add(option[1]);
        }
      }
      EngineProcess.Output out = EngineProcess.run(args, "dev.askbuild.jenkins.plan.StagePlan", ws,
          c.get(Launcher.class), c.get(EnvVars.class), c.get(TaskListener.class), "askEngine");
      Map<?, ?> plan = EngineProcess.json(out.stdout());
      if (out.exitCode() != 0 || plan == null || !(plan.get("stages") instanceof List<?> planned)) {
        // The engine's own words, e.g. "error: unknown board 'x'; known boards: demo, mono-gateway".
        throw new AbortException("askBuild: " + out.stderrTail().strip());
      }
      ArrayList<String> stages = new ArrayList<>();
      planned.forEach(s -> stages.add(String.valueOf(s)));
      ArrayList<String> available = new ArrayList<>();
      for (String name : OPTIONAL_STEPS) {
        if (StepDescriptor.byFunctionName(name) != null) {
          available.add(name);
        }
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("java", out.java());
      result.put("jar", out.jar());
      result.put("stages", stages);
      result.put("steps", available);
      return result;
    }
  }

  @Extension
  @Symbol("askEngine")
  public static final class DescriptorImpl extends AskStepDescriptor {
    public DescriptorImpl() {
      super("askEngine", "Place the ask-build engine on the agent and plan the run");
    }
  }
}
