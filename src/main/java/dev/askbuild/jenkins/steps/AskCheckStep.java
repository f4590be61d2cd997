package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.StepKind;

import hudson.Extension;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code askCheck}: every artifact against the board's target; adds the summary to the build page. Short: synchronous. */
public final class AskCheckStep extends AskStep {
  @DataBoundConstructor
  public AskCheckStep(String board) {
    super(board);
  }

  @Override
  protected StepKind kind() {
    return StepKind.CHECK;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new SyncStageExecution(context, config());
  }

  @Extension
  @Symbol("askCheck")
  public static final class DescriptorImpl extends AskStepDescriptor {
    public DescriptorImpl() {
      super(StepKind.CHECK);
    }
  }
}
