package dev.askbuild.jenkins.steps;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/** The form endpoints' shared lines: permission first, then the adapter's check. */
final class Forms {
  private Forms() {}

  /** A form check answers only users who may configure the job (the endpoints are POST only). */
  static FormValidation check(@CheckForNull Item item, Optional<String> error) {
    if (item != null && !item.hasPermission(Item.CONFIGURE)) {
      return FormValidation.ok();
    }
    return error.map(FormValidation::error).orElse(FormValidation.ok());
  }

  /** Secret file credentials the job can use, keeping the current value listed. */
  static ListBoxModel fileCredentials(@CheckForNull Item item, @CheckForNull String current) {
    StandardListBoxModel model = new StandardListBoxModel();
    if (item == null || !item.hasPermission(Item.EXTENDED_READ)) {
      return model.includeCurrentValue(current == null ? "" : current);
    }
    model.includeEmptyValue().include(item, FileCredentials.class).includeCurrentValue(current == null ? "" : current);
    return model;
  }
}
