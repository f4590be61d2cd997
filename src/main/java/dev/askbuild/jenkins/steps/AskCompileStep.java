package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.StepKind;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.FormValidation;
import java.util.Map;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
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

  private String target;

  public @CheckForNull String getTarget() {
    return target;
  }

  @DataBoundSetter
  public void setTarget(@CheckForNull String target) {
    this.target = target;
  }

  @Override
  protected Map<String, Object> arguments() {
    Map<String, Object> args = super.arguments();
    args.put("target", target);
    return args;
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

    @POST
    public FormValidation doCheckTarget(@AncestorInPath Item item, @QueryParameter String value) {
      return Forms.check(item, dev.askbuild.jenkins.adapter.FormChecks.target(value));
    }
  }
}
