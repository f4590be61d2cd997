package dev.askbuild.jenkins.steps;

import com.google.common.util.concurrent.ListenableFuture;
import dev.askbuild.jenkins.adapter.DurableStage;
import dev.askbuild.jenkins.adapter.StageFailedException;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The context the inner {@code sh} execution answers to: the step's own context, plus the
 * arguments' environment variables, and an exit code turned into the step's result map (or the
 * engine's failure) with the secret files removed either way. Serializable with the program:
 * it holds the step's context and the plan (paths), never a secret.
 */
final class ResultContext extends StepContext {
  private static final long serialVersionUID = 1L;

  private final StepContext step;
  private final DurableStage.Plan plan;
  private final String workspace;

  ResultContext(StepContext step, DurableStage.Plan plan, String workspace) {
    this.step = step;
    this.plan = plan;
    this.workspace = workspace;
  }

  @Override
  public <T> T get(Class<T> key) throws IOException, InterruptedException {
    T value = step.get(key);
    if (key == EnvVars.class && value != null) {
      EnvVars env = new EnvVars((EnvVars) value);
      env.putAll(DurableStage.variables(plan));
      return key.cast(env);
    }
    return value;
  }

  @Override
  public void onSuccess(Object exitCode) {
    try {
      FilePath ws = step.get(FilePath.class);
      step.onSuccess(DurableStage.finish(plan, JenkinsAgent.of(ws).files(), (Integer) exitCode));
    } catch (StageFailedException e) {
      step.onFailure(new AbortException(e.getMessage()));
    } catch (Exception e) {
      step.onFailure(e);
    }
  }

  @Override
  public void onFailure(@NonNull Throwable t) {
    try {
      DurableStage.abandon(plan, JenkinsAgent.of(step.get(FilePath.class)).files());
    } catch (Exception cleanup) {
      t.addSuppressed(cleanup);
    }
    step.onFailure(t);
  }

  @Override
  public boolean isReady() {
    return step.isReady();
  }

  @Override
  public ListenableFuture<Void> saveState() {
    return step.saveState();
  }

  @Override
  public void setResult(Result r) {
    step.setResult(r);
  }

  @Override
  public BodyInvoker newBodyInvoker() {
    return step.newBodyInvoker();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResultContext other && other.step.equals(step) && other.plan.equals(plan);
  }

  @Override
  public int hashCode() {
    return step.hashCode() * 31 + workspace.hashCode();
  }
}
