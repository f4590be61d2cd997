package dev.askbuild.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a patch series with {@code patch -p1}, each patch dry-run first so a patch that does
 * not apply fails before it touches the tree, naming the patch and the first file it rejects.
 */
public final class PatchApplier {
  private static final Pattern FIRST_FAILURE =
      Pattern.compile("(?m)^(?:checking|patching) file (\\S+)\\s*\\n(?:.*\\n)*?.*(?:FAILED|can't find file|No file to patch)");
  private static final Pattern CHECKING = Pattern.compile("(?m)^(?:checking|patching) file '?([^'\\n]+)'?$");

  private final ProcessRunner runner;

  public PatchApplier(ProcessRunner runner) {
    this.runner = runner;
  }

  /**
   * Applies {@code patches} in order to {@code tree}; {@code what} names the tree in messages
   * (for example "library libnfnetlink").
   */
  public void apply(List<Path> patches, Path tree, String what, Path log) throws IOException {
    for (Path patch : patches) {
      Command dryRun =
          new Command(
              List.of("patch", "-p1", "--fuzz=0", "--dry-run", "--batch", "--forward", "-i", patch.toAbsolutePath().toString()),
              tree,
              Map.of("LC_ALL", "C"));
      String output;
      try {
        output = runner.capture(dryRun);
      } catch (AskBuildException e) {
        throw AskBuildException.checkFailed(
            "patch " + patch.getFileName() + " does not apply to " + what + ": first rejected file "
                + firstRejected(e.getMessage()) + "\n" + e.getMessage());
      }
      if (output.contains("FAILED") || output.contains("Reversed (or previously applied)")) {
        throw AskBuildException.checkFailed(
            "patch " + patch.getFileName() + " does not apply to " + what + ": first rejected file "
                + firstRejected(output));
      }
      runner.runChecked(
          new Command(List.of("patch", "-p1", "--fuzz=0", "--batch", "--forward", "-i", patch.toAbsolutePath().toString()),
              tree, Map.of("LC_ALL", "C")),
          log,
          "applying " + patch.getFileName() + " to " + what);
    }
  }

  /** The file patch was working on when it first failed. */
  static String firstRejected(String output) {
    Matcher failed = FIRST_FAILURE.matcher(output);
    if (failed.find()) {
      return failed.group(1).replace("'", "");
    }
    Matcher any = CHECKING.matcher(output);
    String last = "(unknown)";
    while (any.find()) {
      last = any.group(1);
    }
    return last;
  }
}
