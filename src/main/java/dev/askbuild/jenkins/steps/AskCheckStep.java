package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.EngineOptions;
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

/**
 * {@code askCheck}: every artifact against the board's target; puts the summary on the build page,
 * also when a check fails. Short: run again after a restart (the summary is replaced, not added).
 */
public final class AskCheckStep extends AskStep {
  @DataBoundConstructor
  public AskCheckStep(String board) {
    super(board);
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, options);
  }

  private static final class Execution extends RerunExecution<LinkedHashMap<String, Serializable>> {
    private static final long serialVersionUID = 1L;
    private final EngineOptions options;

    Execution(StepContext context, EngineOptions options) {
      super(context);
      this.options = options;
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
        AskCheckAction.attach(c.get(Run.class), ws, options.outOrDefault());
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
