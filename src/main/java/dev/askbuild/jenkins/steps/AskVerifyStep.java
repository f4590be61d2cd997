package dev.askbuild.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import java.io.Serializable;
import java.util.LinkedHashMap;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code askVerify}: the vendored tarballs against SHA256SUMS and its signature. Short: run again
 * after a restart. Signature, keyring and private tarballs are file paths, as
 * {@code withCredentials([file(...)])} binds them.
 */
public final class AskVerifyStep extends AskStep {
  @DataBoundConstructor
  public AskVerifyStep(String board) {
    super(board);
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

  /** {@code NAME=FILE} entries, one a line. */
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
  public StepExecution start(StepContext context) {
    return new Execution(context, options);
  }

  private static final class Execution extends RerunExecution<LinkedHashMap<String, Serializable>> {
    private static final long serialVersionUID = 1L;
    private final dev.askbuild.jenkins.adapter.EngineOptions options;

    Execution(StepContext context, dev.askbuild.jenkins.adapter.EngineOptions options) {
      super(context);
      this.options = options;
    }

    @Override
    protected LinkedHashMap<String, Serializable> run() throws Exception {
      StepContext c = getContext();
      return EngineProcess.stage("askVerify", EngineProcess.run(options.args("verify"), null, c.get(FilePath.class),
          c.get(Launcher.class), c.get(EnvVars.class), c.get(TaskListener.class), "askVerify"));
    }
  }

  @Extension
  @Symbol("askVerify")
  public static final class DescriptorImpl extends AskStepDescriptor {
    public DescriptorImpl() {
      super("askVerify", "Verify vendored tarballs");
    }
  }
}
