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
  private static final String BASE = "/dev/askbuild/board/";

  /** The files of a board directory. */
  public static final String PROFILE = "profile.json";

  public static final String COMPILE_PLAN = "compile.json";
  public static final String FRAGMENT = "kernel.config";

  private Boards() {}

  /** The known board names, in the order of {@code boards.list}. */
  public static List<String> names() {
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
    return names().stream().map(Boards::load).toList();
  }

  /** The named profile, or exit 2 naming the board as unknown and listing the known ones. */
  public static BoardProfile load(String name) {
    requireKnown(name);
    String hashFile = name + "/" + name + ".hash";
    BoardProfile profile = new ProfileReader(BASE + name + "/" + PROFILE).read(
        resourceText(name + "/" + PROFILE),
        resourceText(name + "/" + FRAGMENT),
        PinnedHashes.parse(BASE + hashFile, resourceText(hashFile)));
    if (!profile.name().equals(name)) {
      throw AskBuildException.badInput("board profile " + BASE + name + "/" + PROFILE + ": field 'name' is '"
          + profile.name() + "', expected '" + name + "'");
    }
    return profile;
  }

  /** Exit 2 unless {@code name} is a known board: the first thing any command checks. */
  public static void requireKnown(String name) {
    if (!names().contains(name)) {
      throw AskBuildException.badInput(
          "unknown board '" + name + "'; known boards: " + String.join(", ", names()));
    }
  }

  /** Parses a profile from text, for profiles that do not come from the jar (and for tests). */
  public static BoardProfile parse(String file, String json) {
    return new ProfileReader(file).read(json, "", PinnedHashes.none(file));
  }

  /** Another file of a board's directory, e.g. {@link #COMPILE_PLAN}, with the name it is known by. */
  public static BoardFile file(BoardProfile board, String fileName) {
    String name = board.name() + "/" + fileName;
    return new BoardFile(BASE + name, resourceText(name));
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
