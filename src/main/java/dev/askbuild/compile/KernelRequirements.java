package dev.askbuild.compile;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.DotConfig;
import dev.askbuild.kernel.KernelSurvey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one evaluator of the selected components' needs of the kernel, asked twice with different
 * evidence: at verify, the survey of the patched source tree (so every unmet need is listed before
 * the sysroot and the kernel build); at compile, the built tree itself (a config symbol's final
 * value and the build's {@code Module.symvers}, which only the build can say).
 */
public final class KernelRequirements {
  private KernelRequirements() {}

  /** What one kind of tree can say about a need. */
  interface Evidence {
    /** False for a need only a later stage can decide. */
    boolean decides(CompilePlan.Requirement need);

    boolean meets(CompilePlan.Requirement need);

    /** Why an unmet need is unmet, said in its description ({@code ""} for nothing more to say). */
    String why(CompilePlan.Requirement need);
  }

  /**
   * Checks the needs against the survey of the patched source tree; every unmet one is listed at
   * once (exit 2). Returns how many needs it could decide now.
   */
  public static int requireSurveyed(List<CompilePlan.Requirement> needs, KernelSurvey survey, String symversOrder) {
    List<String> unmet = new ArrayList<>();
    int checked = evaluate(needs, surveyed(survey), unmet);
    if (!unmet.isEmpty()) {
      throw AskBuildException.badInput("kernel tarball " + survey.tarball() + " (Linux " + survey.version()
          + ", with the board's patch series) lacks what " + unmet.size() + " requirement(s) need"
          + ordered(symversOrder) + ":\n  " + String.join("\n  ", unmet));
    }
    return checked;
  }

  /** Checks the needs against the built kernel tree; every unmet one is listed at once (exit 2). */
  public static void requireBuilt(List<CompilePlan.Requirement> needs, Path kernel, String symversOrder) {
    List<String> unmet = new ArrayList<>();
    evaluate(needs, built(kernel), unmet);
    if (!unmet.isEmpty()) {
      throw AskBuildException.badInput("the kernel tree " + kernel + " lacks what " + unmet.size()
          + " requirement(s) need" + ordered(symversOrder) + ":\n  " + String.join("\n  ", unmet));
    }
  }

  /**
   * Which Module.symvers each selected module is built against ({@link CompilePlan#symversOrder}),
   * said before the list: "(cdx needs the kernel's Module.symvers; fci needs the kernel's and cdx's)".
   */
  private static String ordered(String symversOrder) {
    return symversOrder.isEmpty() ? "" : " (" + symversOrder + ")";
  }

  static int evaluate(List<CompilePlan.Requirement> needs, Evidence evidence, List<String> unmet) {
    int checked = 0;
    for (CompilePlan.Requirement need : needs) {
      if (!evidence.decides(need)) {
        continue;
      }
      checked++;
      if (!evidence.meets(need)) {
        unmet.add(need.describe(evidence.why(need)));
      }
    }
    return checked;
  }

  static Evidence surveyed(KernelSurvey survey) {
    return new Evidence() {
      @Override
      public boolean decides(CompilePlan.Requirement need) {
        return !need.value().equals("Module.symvers"); // made by the kernel stage's build
      }

      @Override
      public boolean meets(CompilePlan.Requirement need) {
        return switch (need.kind()) {
          case KERNEL_FILE -> survey.has(need.value());
          case KERNEL_CONFIG -> survey.declares(need.value());
          case KERNEL_SYMBOL -> survey.exports(need.value());
        };
      }

      @Override
      public String why(CompilePlan.Requirement need) {
        return switch (need.kind()) {
          case KERNEL_FILE -> "";
          case KERNEL_CONFIG -> "no Kconfig file of the patched tree declares it";
          case KERNEL_SYMBOL -> "no source of the patched tree exports it";
        };
      }
    };
  }

  static Evidence built(Path kernel) {
    return new Evidence() {
      private DotConfig config;
      private String symvers;

      @Override
      public boolean decides(CompilePlan.Requirement need) {
        return true;
      }

      @Override
      public boolean meets(CompilePlan.Requirement need) {
        try {
          return switch (need.kind()) {
            case KERNEL_FILE -> Files.exists(kernel.resolve(need.value()));
            case KERNEL_CONFIG -> config().enabled(need.value());
            case KERNEL_SYMBOL -> Pattern.compile("(?m)^0x[0-9a-f]+\\t" + Pattern.quote(need.value()) + "\\t")
                .matcher(symvers()).find();
          };
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the kernel tree " + kernel, e);
        }
      }

      @Override
      public String why(CompilePlan.Requirement need) {
        return "";
      }

      private DotConfig config() throws IOException {
        if (config == null) {
          Path file = kernel.resolve(".config");
          config = Files.isRegularFile(file) ? DotConfig.read(file) : DotConfig.parse("");
        }
        return config;
      }

      private String symvers() throws IOException {
        if (symvers == null) {
          Path file = kernel.resolve("Module.symvers");
          symvers = Files.exists(file) ? Files.readString(file) : "";
        }
        return symvers;
      }
    };
  }
}
