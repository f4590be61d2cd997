package dev.askbuild.board;

import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a board's files come from: the jar (a built-in board) or a directory of the same layout a
 * user keeps outside ask-build (Buildroot's {@code BR2_EXTERNAL}), so a flag, a patch or a fragment
 * line can be changed the day it is found without rebuilding ask-build.
 *
 * @param directory the board directory, absolute; empty for a built-in board
 */
public record BoardSource(String name, String directory) {
  private static final String BASE = "/dev/askbuild/board/";

  /** The files every board directory holds; {@code <name>.hash} is the fourth. */
  static final java.util.List<String> FILES = java.util.List.of(Boards.PROFILE, Boards.COMPILE_PLAN, Boards.FRAGMENT);

  static BoardSource builtIn(String name) {
    return new BoardSource(name, "");
  }

  static BoardSource directory(String name, Path dir) {
    return new BoardSource(name, dir.toAbsolutePath().normalize().toString());
  }

  /** The board directory, for a board that is not built in. */
  public Optional<Path> dir() {
    return directory.isEmpty() ? Optional.empty() : Optional.of(Path.of(directory));
  }

  /** "built-in" or the directory, as {@code askbuild boards} lists it. */
  public String origin() {
    return directory.isEmpty() ? "built-in" : directory;
  }

  /** The hash file's name: {@code <name>.hash}. */
  String hashFile() {
    return name + ".hash";
  }

  /** A file of the board's directory with the name messages give it; exit 2 when it is missing. */
  public Boards.BoardFile file(String fileName) {
    if (directory.isEmpty()) {
      String resource = BASE + name + "/" + fileName;
      return new Boards.BoardFile(resource, Boards.resourceText(name + "/" + fileName));
    }
    Path file = Path.of(directory, fileName);
    if (!Files.isRegularFile(file)) {
      throw AskBuildException.badInput("board directory " + directory + " lacks " + fileName
          + " (a board directory holds " + String.join(", ", FILES) + " and " + hashFile()
          + "; `askbuild board export demo DIR` writes one to start from)");
    }
    try {
      return new Boards.BoardFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read board file " + file, e);
    }
  }
}
