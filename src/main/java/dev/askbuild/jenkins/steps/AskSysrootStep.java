package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.StepKind;

import hudson.Extension;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code askSysroot}: the arm64 sysroot. Long: a durable task that survives a controller restart. */
public final class AskSysrootStep extends AskInputStep {
  @DataBoundConstructor
  public AskSysrootStep(String board) {
    super(board);
  }

  @Override
  protected StepKind kind() {
    return StepKind.SYSROOT;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new DurableStageExecution(context, config());
  }

  @Extension
  @Symbol("askSysroot")
  public static final class DescriptorImpl extends AskStepDescriptor {
    public DescriptorImpl() {
      super(StepKind.SYSROOT);
    }
  }
}
