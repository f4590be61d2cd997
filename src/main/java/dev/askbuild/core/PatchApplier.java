package dev.askbuild.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a patch series with {@code patch -p1 --fuzz=0} (no guessing, as ASK's {@code git apply}
 * does), each patch dry-run first so a patch that does not apply changes nothing and fails naming
 * the patch and the first file it rejects. Callers patch a staging tree they throw away on failure,
 * so no half-patched tree survives.
 */
public final class PatchApplier {
  private static final Pattern CHECKING = Pattern.compile("^checking file (.+)$", Pattern.MULTILINE);
  private static final Pattern CANT_FIND =
      Pattern.compile("can't find file to patch", Pattern.MULTILINE);

  private final ProcessRunner runner;

  public PatchApplier(ProcessRunner runner) {
    this.runner = runner;
  }

  /**
   * Applies {@code patches} in order to {@code tree}. {@code what} names the tree in messages
   * ("kernel", "library libnfnetlink"); each patch logs to {@code logDir/patch-NAME.log}.
   */
  public void apply(List<Path> patches, Path tree, String what, Path logDir) throws IOException {
    for (Path patch : patches) {
      String name = patch.getFileName().toString();
      Path log = logDir.resolve("patch-" + name + ".log");
      // --batch and --forward: never ask, and treat an already-applied patch as failing.
      List<String> common =
          List.of("patch", "-p1", "--fuzz=0", "--batch", "--forward", "-i", patch.toAbsolutePath().toString());
      Command dryRun = new Command(concat(common, "--dry-run"), tree, BuildEnvironment.locale());
      if (!runner.run(dryRun, log).succeeded()) {
        throw AskBuildException.checkFailed(
            what
                + " patch "
                + name
                + " does not apply: first rejected file "
                + firstRejected(Files.readString(log))
                + " (dry run log: "
                + log
                + ")");
      }
      runner.runChecked(
          new Command(common, tree, BuildEnvironment.locale()), log, "applying " + what + " patch " + name);
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
