package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.StepKind;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** {@code askVerify}: the vendored tarballs against SHA256SUMS and its signature. Short: synchronous. */
public final class AskVerifyStep extends AskInputStep {
  private String signatureCredentialsId;
  private String keyringCredentialsId;
  private boolean strict;
  private boolean requirePinned;

  @DataBoundConstructor
  public AskVerifyStep(String board) {
    super(board);
  }

  @Override
  protected StepKind kind() {
    return StepKind.VERIFY;
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

  public boolean isStrict() {
    return strict;
  }

  @DataBoundSetter
  public void setStrict(boolean strict) {
    this.strict = strict;
  }

  public boolean isRequirePinned() {
    return requirePinned;
  }

  @DataBoundSetter
  public void setRequirePinned(boolean requirePinned) {
    this.requirePinned = requirePinned;
  }

  @Override
  protected Map<String, Object> arguments() {
    Map<String, Object> args = super.arguments();
    args.put("signatureCredentialsId", signatureCredentialsId);
    args.put("keyringCredentialsId", keyringCredentialsId);
    args.put("strict", strict);
    args.put("requirePinned", requirePinned);
    return args;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new SyncStageExecution(context, config());
  }

  @Extension
  @Symbol("askVerify")
  public static final class DescriptorImpl extends AskStepDescriptor {
    public DescriptorImpl() {
      super(StepKind.VERIFY);
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
