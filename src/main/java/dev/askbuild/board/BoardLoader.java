package dev.askbuild.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one board from its source, the same checks whether it is built in or a user's directory. */
final class BoardLoader {
  private BoardLoader() {}

  static BoardProfile load(BoardSource source) {
    Boards.BoardFile profileFile = source.file(Boards.PROFILE);
    // The name first: a directory named for another board would otherwise be told its hash file is missing.
    if (source.dir().isPresent()) {
      String named = nameIn(source.dir().get().resolve(Boards.PROFILE));
      if (!named.equals(source.name())) {
        throw AskBuildException.badInput("board profile " + profileFile.source() + ": field 'name' is '" + named
            + "', expected '" + source.name() + "' (a board directory on " + BoardCatalog.PATH_VARIABLE
            + " is named for its board)");
      }
    }
    Boards.BoardFile hashFile = source.file(source.hashFile());
    BoardProfile profile = new ProfileReader(profileFile.source()).read(
        profileFile.text(),
        source.file(Boards.FRAGMENT).text(),
        PinnedHashes.parse(hashFile.source(), hashFile.text()),
        source);
    if (!profile.name().equals(source.name())) {
      throw AskBuildException.badInput("board profile " + profileFile.source() + ": field 'name' is '"
          + profile.name() + "', expected '" + source.name() + "'");
    }
    // Read now so that a missing compile plan is named before anything runs.
    source.file(Boards.COMPILE_PLAN);
    return profile;
  }

  /** The {@code name} field of a profile file, to find its hash file by. */
  static String nameIn(Path profile) {
    try {
      JsonNode root = new ObjectMapper().readTree(Files.readString(profile));
      JsonNode name = root == null ? null : root.get("name");
      if (name == null || !name.isTextual() || !name.asText().matches("[a-z0-9][a-z0-9._-]*")) {
        throw AskBuildException.badInput("board profile " + profile + ": field 'name' must be a board name such as"
            + " my-gateway (lower-case letters, digits, '.', '_', '-'), got " + name);
      }
      return name.asText();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw AskBuildException.badInput("board profile " + profile + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + profile, e);
    }
  }
}
