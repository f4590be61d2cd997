package dev.askbuild.board;

import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a known board's files into a directory, the starting point of a board a user adjusts
 * ({@code askbuild board export NAME DIR}, then {@code --board-dir DIR}): the same four files the
 * jar holds, byte for byte.
 */
public final class BoardExport {
  private BoardExport() {}

  /** The files written, in order; exit 2 if {@code dir} exists and is not empty. */
  public static List<Path> export(String name, Path dir) throws IOException {
    BoardProfile board = Boards.load(name);
    Path target = dir.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw AskBuildException.badInput("board export: " + dir + " exists and is not a directory");
      }
      try (var list = Files.list(target)) {
        if (list.findAny().isPresent()) {
          throw AskBuildException.badInput("board export: " + dir + " is not empty; give a new or an empty directory");
        }
      }
    }
    Files.createDirectories(target);
    List<Path> written = new ArrayList<>();
    List<String> files = new ArrayList<>(BoardSource.FILES);
    files.add(board.source().hashFile());
    for (String file : files) {
      Path out = target.resolve(file);
      Files.writeString(out, board.source().file(file).text(), StandardCharsets.UTF_8);
      written.add(out);
    }
    return written;
  }
}
