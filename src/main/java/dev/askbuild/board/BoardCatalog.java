package dev.askbuild.board;

import dev.askbuild.core.AskBuildException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every board a run can name: the board directories found on a search path ({@code
 * ASKBUILD_BOARD_PATH}, a colon-separated list of directories each holding {@code <name>/}
 * board directories, searched in order) before the boards built into the jar, as Buildroot's
 * {@code BR2_EXTERNAL} trees add to and override its own {@code configs/}.
 */
public final class BoardCatalog {
  /** The environment variable that lists external board directories. */
  public static final String PATH_VARIABLE = "ASKBUILD_BOARD_PATH";

  private final List<Path> searchPath;

  public BoardCatalog(List<Path> searchPath) {
    this.searchPath = List.copyOf(searchPath);
  }

  /** The catalog of this process: {@code ASKBUILD_BOARD_PATH} then the built-in boards. */
  public static BoardCatalog standard() {
    return new BoardCatalog(parsePath(System.getenv(PATH_VARIABLE)));
  }

  /** {@code a:b:c} as paths, empty entries dropped. */
  public static List<Path> parsePath(String value) {
    List<Path> dirs = new ArrayList<>();
    if (value != null) {
      for (String part : value.split(":")) {
        if (!part.isBlank()) {
          dirs.add(Path.of(part).toAbsolutePath().normalize());
        }
      }
    }
    return dirs;
  }

  /** Each board name with where it comes from, the first found winning, external ones first. */
  public Map<String, BoardSource> sources() {
    Map<String, BoardSource> all = new LinkedHashMap<>();
    for (Path dir : searchPath) {
      if (!Files.isDirectory(dir)) {
        throw AskBuildException.badInput(PATH_VARIABLE + " names " + dir + ", which is not a directory");
      }
      try (var list = Files.list(dir)) {
        for (Path board : list.sorted().toList()) {
          if (Files.isRegularFile(board.resolve(Boards.PROFILE))) {
            all.putIfAbsent(board.getFileName().toString(), BoardSource.directory(board.getFileName().toString(), board));
          }
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot list board directory " + dir, e);
      }
    }
    for (String name : Boards.builtInNames()) {
      all.putIfAbsent(name, BoardSource.builtIn(name));
    }
    return all;
  }

  public List<String> names() {
    return List.copyOf(sources().keySet());
  }

  /** The named board, or exit 2 naming it as unknown and listing the known ones. */
  public BoardProfile load(String name) {
    BoardSource source = sources().get(name);
    if (source == null) {
      throw AskBuildException.badInput("unknown board '" + name + "'; known boards: " + String.join(", ", names()));
    }
    return BoardLoader.load(source);
  }

  /**
   * The board in {@code dir} ({@code --board-dir}): its name is its profile's, and its files are
   * validated as a built-in board's are.
   */
  public static BoardProfile loadDir(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw AskBuildException.badInput("--board-dir " + dir + " is not a directory");
    }
    Path profile = abs.resolve(Boards.PROFILE);
    if (!Files.isRegularFile(profile)) {
      throw AskBuildException.badInput("--board-dir " + dir + " has no " + Boards.PROFILE
          + " (`askbuild board export demo DIR` writes a board directory to start from)");
    }
    String name = BoardLoader.nameIn(profile);
    return BoardLoader.load(BoardSource.directory(name, abs));
  }
}
