package dev.askbuild.diff;

import java.io.Serializable;
import java.util.List;

/**
 * One difference in one artifact: what ({@code aspect}, e.g. {@code export removed}), of which
 * symbol or section ({@code subject}, may be empty), before and after, whether it breaks the ABI, and
 * the moved inputs that explain it.
 */
public record Change(
    String artifact, String module, String aspect, String subject, String before, String after, boolean breaking,
    List<String> causes)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public Change {
    causes = List.copyOf(causes);
  }

  Change withCauses(List<String> c) {
    return new Change(artifact, module, aspect, subject, before, after, breaking, c);
  }

  /** One line: {@code BREAK alpha.ko (module alpha): export removed alpha_sub [cause: ...]}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(breaking ? "BREAK " : "change ").append(artifact);
    if (!module.isEmpty()) {
      sb.append(" (module ").append(module).append(')');
    }
    sb.append(": ").append(aspect);
    if (!subject.isEmpty()) {
      sb.append(' ').append(subject);
    }
    if (!before.isEmpty() || !after.isEmpty()) {
      sb.append(": ").append(before.isEmpty() ? "-" : before).append(" -> ").append(after.isEmpty() ? "-" : after);
    }
    if (!causes.isEmpty()) {
      sb.append(" [cause: ").append(String.join(", ", causes)).append(']');
    }
    return sb.toString();
  }
}
