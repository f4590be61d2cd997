package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.DurableStage;
import dev.askbuild.jenkins.adapter.StepConfig;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.durable_task.ShellStep;

/**
 * The long steps (sysroot, kernel, compile): short Java setup, then workflow-durable-task-step's
 * own {@code sh} execution runs the fixed line of {@link DurableStage#script}, so the engine keeps
 * running on the agent while the controller restarts and the step reattaches to it on resume. The
 * inner execution answers to a {@link ResultContext}, which turns its exit code into the step's
 * result map and removes the secret files. Serialized: the plan (paths) and the inner execution.
 */
final class DurableStageExecution extends StepExecution {
  private static final long serialVersionUID = 1L;

  private final StepConfig config;
  private DurableStage.Plan plan;
  private StepExecution inner;

  DurableStageExecution(StepContext context, StepConfig config) {
    super(context);
    this.config = config;
  }

  /**
   * Setup runs here, as {@code sh} launches its task here: the engine jar is copied to an agent
   * once per plugin version (later steps only compare its hash), the secret files are small.
   */
  @Override
  public boolean start() throws Exception {
    StepContext c = getContext();
    FilePath ws = c.get(FilePath.class);
    plan = DurableStage.prepare(config, JenkinsAgent.of(ws), Engine.jar(),
        Secrets.resolve(c.get(Run.class), config), c.get(TaskListener.class).getLogger());
    try {
      ShellStep sh = new ShellStep(plan.script());
      sh.setReturnStatus(true);
      inner = sh.start(new ResultContext(c, plan, ws.getRemote()));
      return inner.start();
    } catch (Exception e) {
      // The task never ran: nothing will call the result context, so the secrets go now.
      DurableStage.abandon(plan, JenkinsAgent.of(ws).files());
      throw e;
    }
  }

  @Override
  public void stop(Throwable cause) throws Exception {
    if (inner != null) {
      inner.stop(cause);
    } else {
      super.stop(cause);
    }
  }

  @Override
  public void onResume() {
    if (inner != null) {
      inner.onResume();
    }
  }

  @Override
  public String getStatus() {
    return inner == null ? "preparing " + config.kind().functionName() : inner.getStatus();
  }
}
