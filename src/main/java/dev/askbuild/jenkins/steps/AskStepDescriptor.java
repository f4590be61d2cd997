package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.FormChecks;
import dev.askbuild.jenkins.adapter.StepKind;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The descriptors' shared part: name, context, and the checks of the fields every step has. */
public abstract class AskStepDescriptor extends StepDescriptor {
  private final StepKind kind;

  protected AskStepDescriptor(StepKind kind) {
    this.kind = kind;
  }

  @Override
  public String getFunctionName() {
    return kind.functionName();
  }

  @NonNull
  @Override
  public String getDisplayName() {
    return kind.displayName();
  }

  /** Work runs on the agent: every step needs a workspace and a launcher there. */
  @Override
  public Set<? extends Class<?>> getRequiredContext() {
    return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, EnvVars.class);
  }

  @POST
  public ListBoxModel doFillBoardItems() {
    ListBoxModel model = new ListBoxModel();
    FormChecks.boards().forEach(model::add);
    return model;
  }

  @POST
  public FormValidation doCheckBoard(@AncestorInPath Item item, @QueryParameter String value) {
    return Forms.check(item, FormChecks.board(value));
  }

  @POST
  public FormValidation doCheckOut(@AncestorInPath Item item, @QueryParameter String value) {
    return Forms.check(item, FormChecks.out(value));
  }

  @POST
  public FormValidation doCheckTarget(@AncestorInPath Item item, @QueryParameter String value) {
    return Forms.check(item, FormChecks.target(kind, value));
  }

  @POST
  public FormValidation doCheckComponents(@AncestorInPath Item item, @QueryParameter String value) {
    return Forms.check(item, FormChecks.components(value));
  }

  @POST
  public FormValidation doCheckEpoch(@AncestorInPath Item item, @QueryParameter String value) {
    return Forms.check(item, FormChecks.epoch(value));
  }
}
