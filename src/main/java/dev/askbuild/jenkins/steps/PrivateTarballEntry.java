package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.FormChecks;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.Serializable;
import java.util.Map;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** {@code [credentialsId: 'id', name: 'ASK-....tar.gz']}: a tarball read from a secret file credential. */
public final class PrivateTarballEntry implements Describable<PrivateTarballEntry>, Serializable {
  private static final long serialVersionUID = 1L;

  private final String credentialsId;
  private final String name;

  @DataBoundConstructor
  public PrivateTarballEntry(String credentialsId, String name) {
    this.credentialsId = credentialsId;
    this.name = name;
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  public String getName() {
    return name;
  }

  Map<String, String> toMap() {
    return Map.of("credentialsId", credentialsId == null ? "" : credentialsId, "name", name == null ? "" : name);
  }

  @Extension
  public static final class DescriptorImpl extends Descriptor<PrivateTarballEntry> {
    @NonNull
    @Override
    public String getDisplayName() {
      return "Private tarball";
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
      return Forms.fileCredentials(item, credentialsId);
    }

    @POST
    public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
      return Forms.check(item, FormChecks.privateName(value));
    }
  }
}
