package dev.askbuild.kernel;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.PatchApplier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tree paths a unified diff reads or writes, as {@code patch -p1} names them: the {@code ---}
 * and {@code +++} headers (not {@code /dev/null}) and git's rename and copy sources. Hunks are
 * skipped by their line counts, so a removed line that happens to start with {@code "-- "} is never
 * mistaken for a header.
 */
final class PatchTargets {
  private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,(\\d+))? \\+\\d+(?:,(\\d+))? @@");
  private static final Pattern GIT_SOURCE = Pattern.compile("^(?:rename|copy) from (.+)$");

  private PatchTargets() {}

  static Set<String> of(Path patch) throws IOException {
    return parse(patch.getFileName().toString(), Files.readString(patch, StandardCharsets.ISO_8859_1));
  }

  static Set<String> parse(String source, String text) {
    Set<String> paths = new TreeSet<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher hunk = HUNK.matcher(line);
      if (hunk.lookingAt()) {
        int oldLeft = count(hunk.group(1));
        int newLeft = count(hunk.group(2));
        while ((oldLeft > 0 || newLeft > 0) && i + 1 < lines.length) {
          String body = lines[++i];
          char c = body.isEmpty() ? ' ' : body.charAt(0);
          if (c == '\\') {
            continue; // "\ No newline at end of file"
          }
          if (c != '-') {
            newLeft--;
          }
          if (c != '+') {
            oldLeft--;
          }
        }
      } else if (line.startsWith("--- ") || line.startsWith("+++ ")) {
        String name = PatchApplier.headerPath(line.substring(4));
        if (name != null) {
          paths.add(requireInside(source, name));
        }
      } else {
        Matcher git = GIT_SOURCE.matcher(line);
        if (git.matches()) {
          paths.add(requireInside(source, git.group(1).strip()));
        }
      }
    }
    return paths;
  }

  private static int count(String group) {
    return group == null ? 1 : Integer.parseInt(group);
  }

  /** A patch path that would leave the tree is refused; patch itself would refuse it too. */
  private static String requireInside(String source, String name) {
    Path p = Path.of(name).normalize();
    if (name.isEmpty() || p.isAbsolute() || p.startsWith("..")) {
      throw AskBuildException.badInput("patch " + source + " names '" + name + "', which is outside the kernel tree");
    }
    return p.toString();
  }
}
