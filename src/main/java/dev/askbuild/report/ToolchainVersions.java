package dev.askbuild.report;

import dev.askbuild.check.CheckTarget;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Command;
import dev.askbuild.core.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** First lines of {@code <triple>-gcc --version} and {@code <triple>-ld --version}, for provenance. */
public final class ToolchainVersions {
  private ToolchainVersions() {}

  public static Map<String, String> probe(CheckTarget target, ProcessRunner runner, Path workDir) {
    Map<String, String> out = new TreeMap<>();
    for (String tool : new String[] {"gcc", "ld"}) {
      String program = target.triple() + "-" + tool;
      try {
        String text = runner.capture(Command.of(workDir, program, "--version"));
        out.put(program, text.lines().findFirst().orElse("").strip());
      } catch (AskBuildException | IOException e) {
        out.put(program, "unavailable: " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    return out;
  }
}
