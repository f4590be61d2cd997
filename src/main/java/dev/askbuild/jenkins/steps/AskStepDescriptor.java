package dev.askbuild.jenkins.steps;

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
import edu.umd.cs.findbugs.annotations.CheckForNull;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.StaplerRequest2;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The Java steps' descriptors: name, context, and the form's board list and checks, each from the engine. */
public abstract class AskStepDescriptor extends StepDescriptor {
  private final String functionName;
  private final String displayName;

  protected AskStepDescriptor(String functionName, String displayName) {
    this.functionName = functionName;
    this.displayName = displayName;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @NonNull
  @Override
  public String getDisplayName() {
    return displayName;
  }

  /** Work runs on the agent: every step needs a workspace and a launcher there. */
  @Override
  public Set<? extends Class<?>> getRequiredContext() {
    return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, EnvVars.class);
  }

  /** A blank form field means "not given": left out of the step (and the snippet), never bound to 0 or "". */
  @Override
  public Step newInstance(@CheckForNull StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
    return super.newInstance(req, Forms.withoutBlanks(formData));
  }

  @POST
  public ListBoxModel doFillBoardItems() {
    return Forms.boards();
  }

  @POST
  public FormValidation doCheckTarget(@AncestorInPath Item item, @QueryParameter String board, @QueryParameter String value) {
    return Forms.selection(item, board, value, null, null);
  }

  @POST
  public FormValidation doCheckComponents(@AncestorInPath Item item, @QueryParameter String board,
      @QueryParameter String target, @QueryParameter String value) {
    return Forms.selection(item, board, target, value, null);
  }
}
