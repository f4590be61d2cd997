package dev.askbuild.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import net.sf.json.JSONObject;

/**
 * The form endpoints' shared lines, for the steps' and the builder's forms alike: permission first,
 * then the engine's own answer ({@link EngineCatalog}). A blank field is the engine's default.
 */
final class Forms {
  private Forms() {}

  /**
   * The form's values without the blank ones: Stapler binds an empty number field to 0 (a snippet
   * {@code jobs: 0, epoch: 0} that fails or silently builds another cache key) and an empty text
   * field to "", where the user meant "the engine's default".
   */
  static JSONObject withoutBlanks(JSONObject formData) {
    JSONObject kept = new JSONObject();
    for (Object key : formData.keySet()) {
      Object value = formData.get(key);
      if (value instanceof String s && s.isBlank()) {
        continue;
      }
      kept.put((String) key, value instanceof JSONObject nested ? withoutBlanks(nested) : value);
    }
    return kept;
  }

  static ListBoxModel boards() {
    ListBoxModel model = new ListBoxModel();
    EngineCatalog.boards().forEach(model::add);
    return model;
  }

  /** The engine's verdict on a run's selection; only users who may configure the job are answered. */
  static FormValidation selection(@CheckForNull Item item, String board, String target, String components, String stages) {
    if (item != null && !item.hasPermission(Item.CONFIGURE)) {
      return FormValidation.ok();
    }
    if (board == null || board.isBlank()) {
      return FormValidation.ok();
    }
    String problem = EngineCatalog.problem(board, target, components, stages);
    return problem == null ? FormValidation.ok() : FormValidation.error(problem);
  }
}
