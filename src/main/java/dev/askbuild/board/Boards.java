package dev.askbuild.board;

import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The boards shipped in the jar, one directory each (Buildroot's {@code board/<vendor>/<board>/}):
 * {@code profile.json}, {@code compile.json}, {@code kernel.config} and {@code <name>.hash}. Their
 * names are listed in {@code boards.list} because a class path cannot be listed reliably once the
 * resources sit inside a shaded jar.
 */
public final class Boards {
  static final String BASE = "/dev/askbuild/board/";

  /** The files of a board directory. */
  public static final String PROFILE = "profile.json";

  public static final String COMPILE_PLAN = "compile.json";
  public static final String FRAGMENT = "kernel.config";

  private Boards() {}

  /** The known board names: those on {@code ASKBUILD_BOARD_PATH} first, then the built-in ones. */
  public static List<String> names() {
    return BoardCatalog.standard().names();
  }

  /** The boards built into the jar, in the order of {@code boards.list}. */
  public static List<String> builtInNames() {
    List<String> names = new ArrayList<>();
    for (String line : resourceText("boards.list").split("\n")) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        names.add(name);
      }
    }
    return names;
  }

  /** Every known profile, parsed; a broken profile fails here naming its file. */
  public static List<BoardProfile> all() {
    BoardCatalog catalog = BoardCatalog.standard();
    return catalog.names().stream().map(catalog::load).toList();
  }

  /** The named profile, or exit 2 naming the board as unknown and listing the known ones. */
  public static BoardProfile load(String name) {
    return BoardCatalog.standard().load(name);
  }

  /** The board in a directory of the built-in boards' layout ({@code --board-dir}). */
  public static BoardProfile loadDir(java.nio.file.Path dir) {
    return BoardCatalog.loadDir(dir);
  }

  /** Exit 2 unless {@code name} is a known board: the first thing any command checks. */
  public static void requireKnown(String name) {
    List<String> names = names();
    if (!names.contains(name)) {
      throw AskBuildException.badInput(
          "unknown board '" + name + "'; known boards: " + String.join(", ", names));
    }
  }

  /** Parses a profile from text, for profiles that do not come from the jar (and for tests). */
  public static BoardProfile parse(String file, String json) {
    return new ProfileReader(file).read(json, "", PinnedHashes.none(file), BoardSource.builtIn(""));
  }

  /** Another file of a board's directory, e.g. {@link #COMPILE_PLAN}, with the name it is known by. */
  public static BoardFile file(BoardProfile board, String fileName) {
    return board.source().file(fileName);
  }

  /** A board file's text and where it came from (for messages). */
  public record BoardFile(String source, String text) {}

  static String resourceText(String name) {
    try (InputStream in = Boards.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw AskBuildException.badInput("board resource " + BASE + name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read board resource " + BASE + name, e);
    }
  }
}
