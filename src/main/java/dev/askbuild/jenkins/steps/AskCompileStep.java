package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.StepKind;
import hudson.Extension;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code askCompile}: ASK's modules and userspace against the prepared kernel and sysroot. Long: a durable task that survives a controller restart. */
public final class AskCompileStep extends AskInputStep {
  @DataBoundConstructor
  public AskCompileStep(String board) {
    super(board);
  }

  @Override
  protected StepKind kind() {
    return StepKind.COMPILE;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new DurableStageExecution(context, config());
  }

  @Extension
  @Symbol("askCompile")
  public static final class DescriptorImpl extends AskStepDescriptor {
    public DescriptorImpl() {
      super(StepKind.COMPILE);
    }
  }
}
