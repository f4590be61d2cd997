package dev.askbuild.board;

import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The board profiles shipped in the jar. Their names are listed in {@code boards.list} because a
 * class path cannot be listed reliably once the resources sit inside a shaded jar.
 */
public final class Boards {
  private static final String BASE = "/dev/askbuild/board/";

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

  /** The named profile, or exit 2 listing the known boards. */
  public static BoardProfile load(String name) {
    if (!names().contains(name)) {
      throw AskBuildException.badInput(
          "unknown board '" + name + "'; known boards: " + String.join(", ", names()));
    }
    String file = name + ".json";
    BoardProfile profile = new ProfileReader(BASE + file).read(resourceText(file));
    if (!profile.name().equals(name)) {
      throw AskBuildException.badInput(
          "board profile " + BASE + file + ": field 'name' is '" + profile.name() + "', expected '" + name + "'");
    }
    return profile;
  }

  /** Parses a profile from text, for profiles that do not come from the jar (and for tests). */
  public static BoardProfile parse(String file, String json) {
    return new ProfileReader(file).read(json);
  }

  /** The text of the board's kernel config fragment, a resource beside the profile. */
  public static String fragmentText(BoardProfile profile) {
    return resourceText(profile.kernel().fragment());
  }

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
