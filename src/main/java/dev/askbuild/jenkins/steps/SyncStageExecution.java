package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.StageFailedException;
import dev.askbuild.jenkins.adapter.StageRunner;
import dev.askbuild.jenkins.adapter.StepConfig;
import dev.askbuild.jenkins.adapter.StepKind;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * The short steps (verify, check): run on the agent while the step waits off the CPS thread. A
 * restart interrupts them; they take seconds and are safe to run again.
 */
final class SyncStageExecution extends SynchronousNonBlockingStepExecution<Map<String, Serializable>> {
  private static final long serialVersionUID = 1L;

  /** Ids and paths only; see {@link StepConfig}. */
  private final StepConfig config;

  SyncStageExecution(StepContext context, StepConfig config) {
    super(context);
    this.config = config;
  }

  @Override
  protected Map<String, Serializable> run() throws Exception {
    StepContext c = getContext();
    Run<?, ?> run = c.get(Run.class);
    FilePath ws = c.get(FilePath.class);
    TaskListener listener = c.get(TaskListener.class);
    try {
      LinkedHashMap<String, Serializable> result = StageRunner.run(config, JenkinsAgent.of(ws),
          JenkinsAgent.process(c.get(Launcher.class), ws), Engine.jar(), Secrets.resolve(run, config),
          c.get(EnvVars.class), listener.getLogger());
      if (config.kind() == StepKind.CHECK) {
        AskCheckAction.attach(run, ws, config.out());
      }
      return result;
    } catch (StageFailedException e) {
      if (config.kind() == StepKind.CHECK) {
        AskCheckAction.attach(run, ws, config.out());
      }
      throw new AbortException(e.getMessage());
    }
  }
}
