package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.EngineOptions;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step: the whole pipeline for a board ({@code askbuild build}), for job-UI
 * users who write no Jenkinsfile. Its parameters are the steps' model ({@link EngineOptions}, the
 * engine's options; secrets as file paths, e.g. {@code $KEYRING} from credentials-binding's
 * "Use secret files" wrapper, expanded from the build's environment). Runs while the build waits:
 * a freestyle build does not survive a controller restart in any case; the check summary goes on
 * the build page. Saved with the job: a plain class holding the plain model.
 */
public final class AskBuildBuilder extends Builder implements SimpleBuildStep {
  private final EngineOptions options;

  @DataBoundConstructor
  public AskBuildBuilder(String board) {
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

  public @CheckForNull String getPackages() {
    return options.packages();
  }

  @DataBoundSetter
  public void setPackages(@CheckForNull String packages) {
    options.packages(packages);
  }

  public @CheckForNull String getCache() {
    return options.cache();
  }

  @DataBoundSetter
  public void setCache(@CheckForNull String cache) {
    options.cache(cache);
  }

  /** Not given (a blank form field, see {@link Forms#withoutBlanks}) is the engine's default, never 0. */
  public @CheckForNull Long getEpoch() {
    return options.epoch() == null ? null : Long.valueOf(options.epoch());
  }

  @DataBoundSetter
  public void setEpoch(@CheckForNull Long epoch) {
    options.epoch(epoch);
  }

  public @CheckForNull Long getJobs() {
    return options.jobs() == null ? null : Long.valueOf(options.jobs());
  }

  @DataBoundSetter
  public void setJobs(@CheckForNull Long jobs) {
    options.jobs(jobs);
  }

  public @CheckForNull String getStages() {
    return options.stages();
  }

  @DataBoundSetter
  public void setStages(@CheckForNull String stages) {
    options.stages(stages);
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

  @DataBoundSetter
  public void setComponents(@CheckForNull String components) {
    options.components(components);
  }

  public @CheckForNull String getSignature() {
    return options.signature();
  }

  @DataBoundSetter
  public void setSignature(@CheckForNull String signature) {
    options.signature(signature);
  }

  public @CheckForNull String getKeyring() {
    return options.keyring();
  }

  @DataBoundSetter
  public void setKeyring(@CheckForNull String keyring) {
    options.keyring(keyring);
  }

  public @CheckForNull String getPrivateFiles() {
    return options.privateFilesText();
  }

  @DataBoundSetter
  public void setPrivateFiles(@CheckForNull String privateFiles) {
    options.privateFiles(privateFiles);
  }

  public boolean isStrict() {
    return options.strict();
  }

  @DataBoundSetter
  public void setStrict(boolean strict) {
    options.strict(strict);
  }

  public boolean isRequirePinned() {
    return options.requirePinned();
  }

  @DataBoundSetter
  public void setRequirePinned(boolean requirePinned) {
    options.requirePinned(requirePinned);
  }

  @Override
  public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
      @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
    // $VARS in the fields (a bound secret file's path) expand from the build's environment.
    java.util.List<String> args = options.args("build").stream().map(env::expand).toList();
    try {
      EngineProcess.stage("askBuild", EngineProcess.run(args, null, workspace, launcher, env, listener, "askBuild"));
    } finally {
      AskCheckAction.attach(run, workspace, env.expand(options.outOrDefault()), null);
    }
  }

  @Extension
  @Symbol("askBuildAll")
  public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
    @NonNull
    @Override
    public String getDisplayName() {
      return "Build ASK for a board (ask-build, all stages)";
    }

    @Override
    @SuppressWarnings("rawtypes") // Jenkins' own signature
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
      return true;
    }

    @Override
    public Builder newInstance(@CheckForNull StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
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

    @POST
    public FormValidation doCheckStages(@AncestorInPath Item item, @QueryParameter String board,
        @QueryParameter String target, @QueryParameter String value) {
      return Forms.selection(item, board, target, null, value);
    }
  }
}
