package dev.askbuild.job;

import dev.askbuild.compile.CompilePlan;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.kernel.KernelSurvey;
import java.util.ArrayList;
import java.util.List;

/**
 * The selected components' needs of the kernel, checked against the survey of the patched tree at
 * verify, so every unmet one is listed at once before the sysroot and the kernel build. What only
 * the built kernel can say is left to the compile stage, which checks every need again on the real
 * tree: a config symbol's final value (here: that some Kconfig file declares it) and the build's
 * {@code Module.symvers}.
 */
final class KernelNeeds {
  private KernelNeeds() {}

  static int require(CompilePlan plan, Selection selection, KernelSurvey survey) {
    List<String> unmet = new ArrayList<>();
    int checked = 0;
    for (CompilePlan.Requirement r : plan.requirementsOf(selection.components())) {
      if (r.value().equals("Module.symvers")) {
        continue; // made by the kernel stage's build
      }
      checked++;
      switch (r.kind()) {
        case KERNEL_FILE -> {
          if (!survey.has(r.value())) {
            unmet.add(r.describe());
          }
        }
        case KERNEL_CONFIG -> {
          if (!survey.declares(r.value())) {
            unmet.add(r.describe("no Kconfig file of the patched tree declares it"));
          }
        }
        case KERNEL_SYMBOL -> {
          if (!survey.exports(r.value())) {
            unmet.add(r.describe("no source of the patched tree exports it"));
          }
        }
        default -> throw new IllegalStateException(r.kind().toString());
      }
    }
    if (!unmet.isEmpty()) {
      String order = plan.symversOrder(selection.components());
      throw AskBuildException.badInput("kernel tarball " + survey.tarball() + " (Linux " + survey.version()
          + ", with the board's patch series) lacks what " + unmet.size() + " requirement(s) need"
          + (order.isEmpty() ? "" : " (" + order + ")") + ":\n  "
          + String.join("\n  ", unmet));
    }
    return checked;
  }
}
