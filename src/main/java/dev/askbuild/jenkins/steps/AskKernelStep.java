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

/** {@code askKernel}: the kernel tree for out-of-tree modules. Long: a durable task that survives a controller restart. */
public final class AskKernelStep extends AskInputStep {
  @DataBoundConstructor
  public AskKernelStep(String board) {
    super(board);
  }

  @Override
  protected StepKind kind() {
    return StepKind.KERNEL;
  }

  private Long jobs;

  public @CheckForNull Long getJobs() {
    return jobs;
  }

  @DataBoundSetter
  public void setJobs(@CheckForNull Long jobs) {
    this.jobs = jobs;
  }

  @Override
  protected Map<String, Object> arguments() {
    Map<String, Object> args = super.arguments();
    args.put("jobs", jobs);
    return args;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new DurableStageExecution(context, config());
  }

  @Extension
  @Symbol("askKernel")
  public static final class DescriptorImpl extends AskStepDescriptor {
    public DescriptorImpl() {
      super(StepKind.KERNEL);
    }

    @POST
    public FormValidation doCheckJobs(@AncestorInPath Item item, @QueryParameter String value) {
      return Forms.check(item, dev.askbuild.jenkins.adapter.FormChecks.jobs(value));
    }
  }
}
