package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.EngineOptions;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every ask-build Java step takes: the board, the output directory, and what the run builds
 * (target and components, the same for every stage of a build; the engine records them in each
 * stage's state and refuses another run's). The values are held by {@link EngineOptions}, the
 * model the freestyle builder shares; the engine validates them when the step runs.
 */
public abstract class AskStep extends Step {
  protected final EngineOptions options;

  protected AskStep(String board) {
    this.options = new EngineOptions(board);
  }

  public String getBoard() {
    return options.board();
  }

  public @CheckForNull String getOut() {
    return options.out();
  }

  @DataBoundSetter
  public void setOut(@CheckForNull String out) {
    options.out(out);
  }

  public @CheckForNull String getTarget() {
    return options.target();
  }

  @DataBoundSetter
  public void setTarget(@CheckForNull String target) {
    options.target(target);
  }

  public @CheckForNull String getComponents() {
    return options.components();
  }

  /** Comma-separated, as the engine's {@code --components} takes them. */
  @DataBoundSetter
  public void setComponents(@CheckForNull String components) {
    options.components(components);
  }
}
