package dev.askbuild.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a patch series with {@code patch -p1 --fuzz=0} (no guessing, as ASK's {@code git apply}
 * does), each patch dry-run first so a patch that does not apply changes nothing and fails naming
 * the patch, the first file it rejects and how many files are missing and hunks fail. Callers patch
 * a staging tree they throw away on failure, so no half-patched tree survives.
 */
public final class PatchApplier {
  /** How many file names a failure message lists per kind; the dry-run log has them all. */
  private static final int NAMES_SHOWN = 10;

  private final ProcessRunner runner;

  public PatchApplier(ProcessRunner runner) {
    this.runner = runner;
  }

  /**
   * Applies {@code patches} in order to {@code tree}. {@code what} names the tree in messages
   * ("kernel", "library libnfnetlink"); each patch logs to {@code logDir/patch-WHAT-NAME.log}, the
   * tree in the name because two trees may carry patches of one name (ASK's fmlib and fmc patches are
   * both {@code 01-mono-ask-extensions.patch}).
   */
  public void apply(List<Path> patches, Path tree, String what, Path logDir) throws IOException {
    for (Path patch : patches) {
      String name = patch.getFileName().toString();
      Path log = logDir.resolve("patch-" + what.replaceAll("[^A-Za-z0-9._-]+", "-") + "-" + name + ".log");
      // --batch and --forward: never ask, and treat an already-applied patch as failing.
      List<String> common =
          List.of("patch", "-p1", "--fuzz=0", "--batch", "--forward", "-i", patch.toAbsolutePath().toString());
      Command dryRun = new Command(concat(common, "--dry-run"), tree, BuildEnvironment.locale());
      if (!runner.run(dryRun, log).succeeded()) {
        throw AskBuildException.checkFailed(
            what + " patch " + name + " does not apply: " + Rejections.parse(Files.readString(log)).describe()
                + " (dry run log: " + log + ")");
      }
      runner.runChecked(
          new Command(common, tree, BuildEnvironment.locale()), log, "applying " + what + " patch " + name);
    }
  }

  /**
   * A diff header's file name as {@code patch -p1} sees it: the timestamp after a tab and surrounding
   * quotes gone, the first component dropped; null for {@code /dev/null} (a file created or deleted).
   */
  public static String headerPath(String header) {
    String name = header;
    int tab = name.indexOf('\t');
    if (tab >= 0) {
      name = name.substring(0, tab);
    }
    name = name.strip();
    if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1);
    }
    if (name.equals("/dev/null")) {
      return null;
    }
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }

  private static List<String> concat(List<String> list, String extra) {
    List<String> all = new ArrayList<>(list);
    all.add(extra);
    return all;
  }

  /**
   * What a {@code patch -p1 --dry-run} log (GNU patch 2.7, {@code LC_ALL=C}) says went wrong, file
   * by file in the order patch met them.
   *
   * <p>GNU patch names a file it is about to patch in "checking file F" <em>before</em> its hunks'
   * verdicts, but a file it cannot find only <em>after</em> "can't find file to patch at input line
   * N", in the quoted header ("|--- a/F", "|+++ b/F") that follows it; the last "checking file" line
   * before that message is the previous, unrelated file. Each kind of line is therefore read where
   * patch puts it, never by position relative to the other kinds.
   *
   * @param firstRejected the first file patch could not patch, with why in parentheses
   * @param missing files the patch changes or deletes that the tree lacks
   * @param failedHunks per file, how many of its hunks did not apply
   * @param alreadyApplied files whose hunks are already in the tree (reversed or applied before)
   * @param alreadyExist files the patch creates that the tree already has
   * @param fatal patch's own "patch: **** ..." error (a malformed patch), or empty
   */
  record Rejections(
      String firstRejected,
      List<String> missing,
      Map<String, Integer> failedHunks,
      List<String> alreadyApplied,
      List<String> alreadyExist,
      String fatal) {
    private static final Pattern CHECKING = Pattern.compile("^(?:checking|patching) file (.+)$");
    private static final Pattern CANT_FIND = Pattern.compile("^can't find file to patch at input line \\d+");
    private static final Pattern HEADER = Pattern.compile("^\\|(---|\\+\\+\\+) (.+)$");
    private static final Pattern WOULD = Pattern.compile("^The next patch would (create|delete) the file (.+),$");
    private static final Pattern HUNK_FAILED = Pattern.compile("^Hunk #\\d+ FAILED at ");
    private static final String REVERSED = "Reversed (or previously applied) patch detected!";
    private static final String NO_FILE = "No file to patch.";

    static Rejections parse(String log) {
      String first = null;
      String current = null;
      String fatal = "";
      List<String> missing = new ArrayList<>();
      Map<String, Integer> failed = new LinkedHashMap<>();
      List<String> applied = new ArrayList<>();
      List<String> exist = new ArrayList<>();
      String[] lines = log.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        Matcher m;
        if ((m = CHECKING.matcher(line)).matches()) {
          current = m.group(1).strip();
        } else if (CANT_FIND.matcher(line).lookingAt()) {
          // The missing file's name is in the quoted header that follows, up to "No file to patch".
          String oldName = null;
          String newName = null;
          for (i++; i < lines.length && !lines[i].startsWith(NO_FILE); i++) {
            Matcher h = HEADER.matcher(lines[i]);
            if (h.matches()) {
              if (h.group(1).equals("---")) {
                oldName = headerPath(h.group(2));
              } else {
                newName = headerPath(h.group(2));
              }
            }
          }
          String name = newName != null ? newName : oldName != null ? oldName : "(a file patch did not name)";
          missing.add(name);
          current = name;
          first = first == null ? name + " (missing from the tree)" : first;
        } else if ((m = WOULD.matcher(line)).matches()) {
          // "The next patch would delete the file F,\nwhich does not exist!" and its "create" twin.
          String name = m.group(2).strip();
          current = name;
          if (m.group(1).equals("delete")) {
            missing.add(name);
            first = first == null ? name + " (missing from the tree)" : first;
          } else {
            exist.add(name);
            first = first == null ? name + " (created by the patch but already in the tree)" : first;
          }
        } else if (line.startsWith(REVERSED)) {
          String name = current == null ? "(unknown)" : current;
          applied.add(name);
          first = first == null ? name + " (already patched)" : first;
        } else if (HUNK_FAILED.matcher(line).lookingAt()) {
          String name = current == null ? "(unknown)" : current;
          failed.merge(name, 1, Integer::sum);
          first = first == null ? name : first;
        } else if (line.startsWith("patch: **** ") && fatal.isEmpty()) {
          fatal = line.substring("patch: **** ".length()).strip();
        }
      }
      if (first == null) {
        first = fatal.isEmpty() ? "(unknown)" : "(none: " + fatal + ")";
      }
      // failedHunks keeps the order patch met the files in.
      return new Rejections(first, List.copyOf(missing), Collections.unmodifiableMap(failed), List.copyOf(applied),
          List.copyOf(exist), fatal);
    }

    /** The number of hunks that did not apply, over all files. */
    int failedHunkCount() {
      return failedHunks.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * "first rejected file F (why); N files missing from the tree: ...; M hunks failed in K files:
     * F1 (2), ...", naming up to ten files of each kind.
     */
    String describe() {
      StringBuilder text = new StringBuilder("first rejected file ").append(firstRejected);
      text.append("; ").append(count(missing.size(), "file")).append(" missing from the tree").append(names(missing));
      List<String> failing = new ArrayList<>();
      failedHunks.forEach((file, n) -> failing.add(file + " (" + n + ")"));
      text.append("; ").append(count(failedHunkCount(), "hunk")).append(" failed in ")
          .append(count(failedHunks.size(), "file")).append(names(failing));
      if (!alreadyApplied.isEmpty()) {
        text.append("; ").append(count(alreadyApplied.size(), "file")).append(" already patched")
            .append(names(alreadyApplied));
      }
      if (!alreadyExist.isEmpty()) {
        text.append("; ").append(count(alreadyExist.size(), "file")).append(" to create already in the tree")
            .append(names(alreadyExist));
      }
      if (!fatal.isEmpty() && !firstRejected.startsWith("(none")) {
        text.append("; patch stopped: ").append(fatal);
      }
      return text.toString();
    }

    private static String count(int n, String noun) {
      return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String names(List<String> files) {
      if (files.isEmpty()) {
        return "";
      }
      String shown = String.join(", ", files.subList(0, Math.min(NAMES_SHOWN, files.size())));
      return ": " + shown + (files.size() > NAMES_SHOWN ? ", and " + (files.size() - NAMES_SHOWN) + " more" : "");
    }
  }
}
