package dev.askbuild.job;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.compile.Target;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The pipeline's stages, in the order they run. */
public enum Stage {
  VERIFY,
  SYSROOT,
  KERNEL,
  COMPILE,
  CHECK;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The stages whose results this one reads, for a build of {@code target}. */
  public List<Stage> needs(Target target) {
    List<Stage> needs = new ArrayList<>();
    switch (this) {
      case VERIFY -> { }
      case SYSROOT, KERNEL -> needs.add(VERIFY);
      case COMPILE, CHECK -> {
        needs.addAll(List.of(VERIFY, SYSROOT));
        if (target.needsKernel()) {
          needs.add(KERNEL);
        }
        if (this == CHECK) {
          needs.add(COMPILE);
        }
      }
    }
    return needs;
  }

  /**
   * The selected stages in pipeline order for {@code target}: a userspace build has no kernel stage
   * (asking for it is exit 2, not a silent skip).
   */
  public static List<Stage> plan(Set<Stage> selected, Target target) {
    if (!target.needsKernel() && selected.contains(KERNEL) && selected.size() < values().length) {
      throw AskBuildException.badInput("--stages names kernel, but the userspace target builds without a kernel");
    }
    return java.util.Arrays.stream(values())
        .filter(selected::contains)
        .filter(s -> target.needsKernel() || s != KERNEL)
        .toList();
  }

  /** Parses {@code verify,sysroot,...}; an unknown name is bad input listing the known ones. */
  public static Set<Stage> parseList(String text) {
    Set<Stage> stages = EnumSet.noneOf(Stage.class);
    for (String part : text.split(",")) {
      String name = part.strip();
      try {
        stages.add(valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw AskBuildException.badInput(
            "unknown stage '" + name + "'; known stages: verify, sysroot, kernel, compile, check");
      }
    }
    return stages;
  }
}
