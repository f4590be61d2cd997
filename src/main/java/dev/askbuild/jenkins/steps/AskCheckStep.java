package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.EngineOptions;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.Serializable;
import java.util.LinkedHashMap;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code askCheck}: every artifact against the board's target; puts the summary on the build page,
 * also when a check fails. With {@code baseline} (what {@code askBaseline} returned) the engine
 * compares the record with that build's and the summary says "no ABI change since #N" or lists the
 * breaks first; {@code failOnAbiChange} makes a break fail the step. Short: run again after a
 * restart (the summary is replaced, not added).
 */
public final class AskCheckStep extends AskStep {
  private Integer baselineBuild;

  @DataBoundConstructor
  public AskCheckStep(String board) {
    super(board);
  }

  public @CheckForNull String getBaseline() {
    return options.baseline();
  }

  /** An earlier build's reports directory on the agent (the engine's {@code --baseline}). */
  @DataBoundSetter
  public void setBaseline(@CheckForNull String baseline) {
    options.baseline(baseline);
  }

  public @CheckForNull Integer getBaselineBuild() {
    return baselineBuild;
  }

  /** The number of the build the baseline is from, for the page ("since #N"). */
  @DataBoundSetter
  public void setBaselineBuild(@CheckForNull Integer baselineBuild) {
    this.baselineBuild = baselineBuild;
  }

  public boolean isFailOnAbiChange() {
    return options.failOnAbiChange();
  }

  @DataBoundSetter
  public void setFailOnAbiChange(boolean failOnAbiChange) {
    options.failOnAbiChange(failOnAbiChange);
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, options, baselineBuild);
  }

  private static final class Execution extends RerunExecution<LinkedHashMap<String, Serializable>> {
    private static final long serialVersionUID = 1L;
    private final EngineOptions options;
    private final Integer baselineBuild;

    Execution(StepContext context, EngineOptions options, Integer baselineBuild) {
      super(context);
      this.options = options;
      this.baselineBuild = baselineBuild;
    }

    @Override
    protected LinkedHashMap<String, Serializable> run() throws Exception {
      StepContext c = getContext();
      FilePath ws = c.get(FilePath.class);
      EngineProcess.Output out = EngineProcess.run(options.args("check"), null, ws, c.get(Launcher.class),
          c.get(EnvVars.class), c.get(TaskListener.class), "askCheck");
      try {
        return EngineProcess.stage("askCheck", out);
      } finally {
        AskCheckAction.attach(c.get(Run.class), ws, options.outOrDefault(), options.baseline() == null ? null : baselineBuild);
      }
    }
  }

  @Extension
  @Symbol("askCheck")
  public static final class DescriptorImpl extends AskStepDescriptor {
    public DescriptorImpl() {
      super("askCheck", "Check the artifacts");
    }
  }
}
