package dev.askbuild.jenkins.steps;

import hudson.model.TaskListener;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A short step's execution (askEngine, askVerify, askCheck): the work runs off the CPS thread
 * while the step waits, and a controller restart runs it again from the start instead of failing
 * the step as {@code SynchronousNonBlockingStepExecution} does. That is safe because each of them
 * takes seconds, reads only its inputs and writes only what a second run writes again. Serialized
 * with the program: the step's parameters only, never a secret (those are file paths).
 */
abstract class RerunExecution<T> extends StepExecution {
  private static final long serialVersionUID = 1L;
  private static final ExecutorService THREADS =
      Executors.newCachedThreadPool(new NamingThreadFactory(new DaemonThreadFactory(), "ask-build step"));

  private transient volatile Future<?> task;

  RerunExecution(StepContext context) {
    super(context);
  }

  /** The work; its value is the step's. */
  protected abstract T run() throws Exception;

  @Override
  public final boolean start() {
    submit();
    return false;
  }

  @Override
  public final void onResume() {
    try {
      getContext().get(TaskListener.class).getLogger().println("ask-build: the controller restarted during this step; running it again");
    } catch (Exception e) {
      // The log line is a courtesy; the step runs again in any case.
    }
    submit();
  }

  @Override
  public final void stop(Throwable cause) {
    Future<?> running = task;
    if (running != null) {
      // Interrupting the wait kills the engine's process tree on the agent.
      running.cancel(true);
    }
    getContext().onFailure(cause);
  }

  private void submit() {
    task = THREADS.submit(() -> {
      try {
        getContext().onSuccess(run());
      } catch (Throwable t) {
        getContext().onFailure(t);
      }
    });
  }
}
