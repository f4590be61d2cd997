package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.FormChecks;
import dev.askbuild.jenkins.adapter.ParameterException;
import dev.askbuild.jenkins.adapter.StageFailedException;
import dev.askbuild.jenkins.adapter.StageRunner;
import dev.askbuild.jenkins.adapter.StepConfig;
import dev.askbuild.jenkins.adapter.StepKind;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step: the whole pipeline for a board ({@code askbuild build}), for job-UI
 * users who write no Jenkinsfile. Runs while the build waits (a freestyle build does not survive
 * a controller restart in any case); the check summary goes on the build page.
 */
public final class AskBuildBuilder extends Builder implements SimpleBuildStep {
  private final String board;
  private String out;
  private String packages;
  private String cache;
  private Long epoch;
  private String stages;
  private String target;
  private String components;
  private String signatureCredentialsId;
  private String keyringCredentialsId;
  private List<PrivateTarballEntry> privateTarballs;

  @DataBoundConstructor
  public AskBuildBuilder(String board) {
    this.board = board;
  }

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

  public @CheckForNull String getPackages() {
    return packages;
  }

  @DataBoundSetter
  public void setPackages(@CheckForNull String packages) {
    this.packages = packages;
  }

  public @CheckForNull String getCache() {
    return cache;
  }

  @DataBoundSetter
  public void setCache(@CheckForNull String cache) {
    this.cache = cache;
  }

  public @CheckForNull Long getEpoch() {
    return epoch;
  }

  @DataBoundSetter
  public void setEpoch(@CheckForNull Long epoch) {
    this.epoch = epoch;
  }

  public @CheckForNull String getStages() {
    return stages;
  }

  @DataBoundSetter
  public void setStages(@CheckForNull String stages) {
    this.stages = stages;
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

  public @CheckForNull String getSignatureCredentialsId() {
    return signatureCredentialsId;
  }

  @DataBoundSetter
  public void setSignatureCredentialsId(@CheckForNull String signatureCredentialsId) {
    this.signatureCredentialsId = signatureCredentialsId;
  }

  public @CheckForNull String getKeyringCredentialsId() {
    return keyringCredentialsId;
  }

  @DataBoundSetter
  public void setKeyringCredentialsId(@CheckForNull String keyringCredentialsId) {
    this.keyringCredentialsId = keyringCredentialsId;
  }

  public @CheckForNull List<PrivateTarballEntry> getPrivateTarballs() {
    return privateTarballs;
  }

  @DataBoundSetter
  public void setPrivateTarballs(@CheckForNull List<PrivateTarballEntry> privateTarballs) {
    this.privateTarballs = privateTarballs;
  }

  StepConfig config() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("board", board);
    args.put("out", out);
    args.put("packages", packages);
    args.put("cache", cache);
    args.put("epoch", epoch);
    args.put("stages", stages);
    args.put("target", target);
    args.put("components", components);
    args.put("signatureCredentialsId", signatureCredentialsId);
    args.put("keyringCredentialsId", keyringCredentialsId);
    args.put("privateTarballs", AskStep.tarballs(privateTarballs));
    return StepConfig.of(StepKind.BUILD, args);
  }

  @Override
  public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
      @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
    StepConfig config;
    try {
      config = config();
    } catch (ParameterException e) {
      throw new AbortException(e.getMessage());
    }
    try {
      StageRunner.run(config, JenkinsAgent.of(workspace), JenkinsAgent.process(launcher, workspace), Engine.jar(),
          Secrets.resolve(run, config), env, listener.getLogger());
    } catch (StageFailedException e) {
      throw new AbortException(e.getMessage());
    } finally {
      AskCheckAction.attach(run, workspace, config.out());
    }
  }

  @Extension
  @Symbol("askBuildAll")
  public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
    @NonNull
    @Override
    public String getDisplayName() {
      return StepKind.BUILD.displayName();
    }

    @Override
    @SuppressWarnings("rawtypes") // Jenkins' own signature
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
      return true;
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
    public FormValidation doCheckEpoch(@AncestorInPath Item item, @QueryParameter String value) {
      return Forms.check(item, FormChecks.epoch(value));
    }

    @POST
    public FormValidation doCheckStages(@AncestorInPath Item item, @QueryParameter String value) {
      return Forms.check(item, FormChecks.stages(value));
    }

    @POST
    public FormValidation doCheckTarget(@AncestorInPath Item item, @QueryParameter String value) {
      return Forms.check(item, FormChecks.target(StepKind.BUILD, value));
    }

    @POST
    public FormValidation doCheckComponents(@AncestorInPath Item item, @QueryParameter String value) {
      return Forms.check(item, FormChecks.components(value));
    }

    @POST
    public ListBoxModel doFillSignatureCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String signatureCredentialsId) {
      return Forms.fileCredentials(item, signatureCredentialsId);
    }

    @POST
    public ListBoxModel doFillKeyringCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String keyringCredentialsId) {
      return Forms.fileCredentials(item, keyringCredentialsId);
    }
  }
}
