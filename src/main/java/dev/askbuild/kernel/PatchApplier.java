package dev.askbuild.kernel;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Command;
import dev.askbuild.core.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a patch series to a tree, each patch dry-run first so that a patch that does not apply
 * changes nothing. The tree being patched is a staging copy the stage throws away on failure, so an
 * earlier patch already applied never survives as a half-patched tree.
 */
final class PatchApplier {
  private static final Pattern CHECKING = Pattern.compile("^checking file (.+)$", Pattern.MULTILINE);
  private static final Pattern CANT_FIND =
      Pattern.compile("can't find file to patch", Pattern.MULTILINE);

  private final ProcessRunner runner;

  PatchApplier(ProcessRunner runner) {
    this.runner = runner;
  }

  void apply(PatchSeries series, Path tree, Path logDir) throws IOException {
    for (PatchSeries.Patch patch : series.patches()) {
      Path log = logDir.resolve("patch-" + patch.name() + ".log");
      // --batch and --forward: never ask, and treat an already-applied patch as failing.
      // --fuzz=0: ASK applies its series with git apply, which never fuzzes; GNU patch's default
      // fuzz would let a hunk whose context is absent land at a guessed place.
      List<String> common =
          List.of("patch", "-p1", "--batch", "--forward", "--fuzz=0", "-i", patch.path().toString());
      Command dryRun = new Command(concat(common, "--dry-run"), tree, java.util.Map.of("LC_ALL", "C"));
      if (!runner.run(dryRun, log).succeeded()) {
        throw AskBuildException.checkFailed(
            "kernel patch "
                + patch.name()
                + " does not apply: first rejected file "
                + firstRejected(Files.readString(log))
                + " (dry run log: "
                + log
                + ")");
      }
      runner.runChecked(new Command(common, tree, java.util.Map.of("LC_ALL", "C")), log, "applying kernel patch " + patch.name());
    }
  }

  private static List<String> concat(List<String> list, String extra) {
    List<String> all = new java.util.ArrayList<>(list);
    all.add(extra);
    return all;
  }

  /**
   * The file of the first failing hunk in a {@code patch --dry-run} log: the last "checking file"
   * before the first FAILED hunk or missing file.
   */
  static String firstRejected(String log) {
    int failure = firstFailure(log);
    String file = "(unknown)";
    Matcher m = CHECKING.matcher(log);
    while (m.find() && (failure < 0 || m.start() < failure)) {
      file = m.group(1).strip();
    }
    if (failure >= 0 && log.startsWith("can't find file to patch", failure)) {
      // patch names the missing file in the header lines before this message.
      Matcher header = Pattern.compile("^\\|?\\+\\+\\+ (?:b/)?(\\S+)", Pattern.MULTILINE).matcher(log);
      String missing = null;
      while (header.find() && header.start() < failure) {
        missing = header.group(1);
      }
      if (missing != null) {
        return missing + " (missing from the tree)";
      }
    }
    return file;
  }

  private static int firstFailure(String log) {
    int failed = indexOfLine(log, "FAILED");
    Matcher cant = CANT_FIND.matcher(log);
    int missing = cant.find() ? cant.start() : -1;
    if (failed < 0) {
      return missing;
    }
    return missing < 0 ? failed : Math.min(failed, missing);
  }

  private static int indexOfLine(String log, String word) {
    int i = log.indexOf(word);
    return i < 0 ? -1 : log.lastIndexOf('\n', i) + 1;
  }
}
