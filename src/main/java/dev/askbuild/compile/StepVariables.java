package dev.askbuild.compile;

import dev.askbuild.core.AskBuildException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compile plan's {@code ${VAR}} values of a make step (see {@link CompilePlan.Step}) turned
 * into this run's paths, toolchain and job count; an unknown variable is exit 2 naming the step.
 */
final class StepVariables {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(?::([^}]+))?}");

  private StepVariables() {}

  static String expand(String value, CompileRequest request, Path tree, String component) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String sysrootCc = "--sysroot=" + request.sysroot();
      String replacement = switch (m.group(1)) {
        case "KDIR" -> request.kernelDir().orElseThrow(() -> AskBuildException.badInput(
            "step " + component + " uses ${KDIR}, but the " + request.target().label() + " target has no kernel tree"))
            .toAbsolutePath().toString();
        case "SYSROOT" -> request.sysroot().toString();
        case "TREE" -> tree.toString();
        case "ARCH" -> request.toolchain().arch();
        case "CROSS_COMPILE" -> request.toolchain().crossCompile();
        case "TRIPLE" -> request.toolchain().triple();
        case "PLATFORM" -> request.platform();
        case "CC" -> request.toolchain().triple() + "-gcc " + sysrootCc;
        case "CXX" -> request.toolchain().triple() + "-g++ " + sysrootCc;
        case "AR" -> request.toolchain().triple() + "-ar";
        case "JOBS" -> Integer.toString(request.jobs());
        case "DEFINES" -> String.join(" ", request.plan().defines().stream().map(d -> "-D" + d).toList());
        case "VENDORED" -> CompileStage.vendored(request, String.valueOf(m.group(2)), "step " + component).tarball().path();
        default -> throw AskBuildException.badInput(
            "step " + component + ": unknown variable ${" + m.group(1) + "} in '" + value + "'");
      };
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
