package dev.askbuild.job;

import dev.askbuild.check.CheckReport;
import dev.askbuild.compile.CompileResult;
import dev.askbuild.compile.Target;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.kernel.KernelResult;
import dev.askbuild.sysroot.SysrootResult;
import dev.askbuild.verify.VerifyReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The pipeline's stages, in the order they run: the one list of them. Each says what result it
 * leaves for the later ones and whose results it reads; {@link BoardJob} runs it, and every other
 * list of stages (the CLI's {@code --stages}, docker mode's build log, the {@link Catalog}) is
 * derived from this one.
 */
public enum Stage {
  VERIFY(VerifyReport.class, List.of(), false),
  SYSROOT(SysrootResult.class, List.of("verify"), false),
  KERNEL(KernelResult.class, List.of("verify"), true),
  COMPILE(CompileResult.class, List.of("verify", "sysroot", "kernel"), false),
  CHECK(CheckReport.class, List.of("verify", "sysroot", "kernel", "compile"), false);

  private final Class<?> resultType;
  /** By label, since an enum constant cannot name a later one in its own arguments. */
  private final List<String> needs;
  private final boolean kernelOnly;

  Stage(Class<?> resultType, List<String> needs, boolean kernelOnly) {
    this.resultType = resultType;
    this.needs = needs;
    this.kernelOnly = kernelOnly;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type of the result the stage leaves in {@code OUT/state/<stage>.json}. */
  public Class<?> resultType() {
    return resultType;
  }

  /** Whether the stage belongs to a build of {@code target} (the kernel stage not to a userspace one). */
  public boolean runsFor(Target target) {
    return !kernelOnly || target.needsKernel();
  }

  /** The stages whose results this one reads, for a build of {@code target}. */
  public List<Stage> needs(Target target) {
    List<Stage> stages = new ArrayList<>();
    for (String need : needs) {
      Stage stage = valueOf(need.toUpperCase(Locale.ROOT));
      if (stage.runsFor(target)) {
        stages.add(stage);
      }
    }
    return stages;
  }

  /** Every stage's label, in order. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(Stage::label).toList();
  }

  /**
   * The selected stages in pipeline order for {@code target}: a userspace build has no kernel stage
   * (asking for it is exit 2, not a silent skip).
   */
  public static List<Stage> plan(Set<Stage> selected, Target target) {
    for (Stage stage : selected) {
      if (!stage.runsFor(target) && selected.size() < values().length) {
        throw AskBuildException.badInput("--stages names " + stage.label() + ", but the " + target.label()
            + " target builds without a " + stage.label());
      }
    }
    return Arrays.stream(values()).filter(selected::contains).filter(s -> s.runsFor(target)).toList();
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
            "unknown stage '" + name + "'; known stages: " + String.join(", ", labels()));
      }
    }
    return stages;
  }
}
