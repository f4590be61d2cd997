package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.StepConfig;
import dev.askbuild.jenkins.adapter.StepKind;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every ask-build stage step takes: the board, the output directory, and what the run builds
 * (target and components, the same for every stage of a build). The stages that read inputs add
 * {@link AskInputStep}'s parameters; each step adds its own.
 */
public abstract class AskStep extends Step {
  private final String board;
  private String out;
  private String target;
  private String components;

  protected AskStep(String board) {
    this.board = board;
  }

  /** Which step this is, for the adapter. */
  protected abstract StepKind kind();

  public String getBoard() {
    return board;
  }

  public @CheckForNull String getOut() {
    return out;
  }

  @DataBoundSetter
  public void setOut(@CheckForNull String out) {
    this.out = out;
  }

  public @CheckForNull String getTarget() {
    return target;
  }

  @DataBoundSetter
  public void setTarget(@CheckForNull String target) {
    this.target = target;
  }

  public @CheckForNull String getComponents() {
    return components;
  }

  @DataBoundSetter
  public void setComponents(@CheckForNull String components) {
    this.components = components;
  }

  /** The parameters as the adapter validates them; subclasses add theirs. */
  protected Map<String, Object> arguments() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("board", board);
    args.put("out", out);
    args.put("target", target);
    args.put("components", components);
    return args;
  }

  /** Validated before any work: a bad parameter fails the step naming it. */
  StepConfig config() {
    return StepConfig.of(kind(), arguments());
  }

  static List<Map<String, String>> tarballs(@CheckForNull List<PrivateTarballEntry> entries) {
    List<Map<String, String>> list = new ArrayList<>();
    if (entries != null) {
      entries.forEach(e -> list.add(e.toMap()));
    }
    return list;
  }
}
