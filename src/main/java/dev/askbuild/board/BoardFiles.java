package dev.askbuild.board;

import dev.askbuild.core.AskBuildException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one check of the files a board's profile names, made when the board is read: a tarball is a
 * plain file name in the packages directory; any other file is {@code ask:REL} inside the ASK
 * tarball, {@code board:REL} inside the board's own directory (a board outside the jar), or a path
 * relative to the packages directory. None may leave the place it is in: {@code ../x}, an absolute
 * path or {@code board:../x} is exit 2 naming the profile and the field, before anything runs.
 */
final class BoardFiles {
  private final String profile;
  private final BoardSource source;

  BoardFiles(String profile, BoardSource source) {
    this.profile = profile;
    this.source = source;
  }

  /** A tarball: one file name, as {@code SHA256SUMS} lists it. */
  void tarball(String field, String value) {
    if (value.contains("/") || value.equals("..") || value.equals(".")) {
      throw refused(field, value, "a tarball is a file name in the packages directory, without a directory part");
    }
  }

  /** A patch, a patch directory or a config file. */
  void file(String field, String value) {
    if (value.startsWith(BoardProfile.ASK_PREFIX)) {
      inside(field, value, value.substring(BoardProfile.ASK_PREFIX.length()), "the ASK source tree");
    } else if (value.startsWith(BoardProfile.BOARD_PREFIX)) {
      String relative = value.substring(BoardProfile.BOARD_PREFIX.length());
      inside(field, value, relative, "the board directory");
      Path dir = source.dir().orElseThrow(() -> refused(field, value,
          "board: names a file of a board directory, and a built-in board has none (export it with"
              + " `askbuild board export` and use --board-dir)"));
      if (!Files.exists(dir.resolve(relative))) {
        throw AskBuildException.badInput("board profile " + profile + ": field '" + field + "' names '" + value
            + "', which is not in the board directory " + dir);
      }
    } else if (value.contains("/") || value.endsWith(".patch") || value.endsWith(".config")) {
      inside(field, value, value, "the packages directory");
    }
    // Anything else is a make target (defconfig, tinyconfig, NAME_defconfig).
  }

  private void inside(String field, String value, String relative, String where) {
    Path p = Path.of(relative);
    if (relative.isEmpty() || p.isAbsolute() || !p.normalize().equals(p) || p.startsWith("..")
        || relative.contains("/../") || relative.endsWith("/..")) {
      throw refused(field, value, "it leaves " + where + "; a board names files only in its own directory"
          + " (board:REL), the packages directory (REL) or the ASK tarball (ask:REL)");
    }
  }

  private AskBuildException refused(String field, String value, String why) {
    return AskBuildException.badInput("board profile " + profile + ": field '" + field + "' names '" + value + "': "
        + why);
  }
}
