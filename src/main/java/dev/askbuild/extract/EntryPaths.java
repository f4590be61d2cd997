package dev.askbuild.extract;

import dev.askbuild.core.AskBuildException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns archive entry names into relative paths, refusing any that would leave the target. */
final class EntryPaths {
  private final Path archive;
  private final int strip;
  private final boolean dropVcs;

  EntryPaths(Path archive, int strip, boolean dropVcs) {
    this.archive = archive;
    this.strip = strip;
    this.dropVcs = dropVcs;
  }

  /**
   * The entry's path relative to the target, or empty when it is stripped away or dropped as VCS
   * metadata.
   */
  Optional<String> relative(String entryName) {
    if (entryName.startsWith("/")) {
      throw reject(entryName, "has an absolute path");
    }
    if (entryName.indexOf('\0') >= 0) {
      throw reject(entryName, "has a NUL byte in its name");
    }
    List<String> parts = new ArrayList<>();
    for (String part : entryName.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw reject(entryName, "climbs out with '..'");
      }
      parts.add(part);
    }
    if (parts.size() <= strip) {
      return Optional.empty();
    }
    List<String> kept = parts.subList(strip, parts.size());
    if (dropVcs && kept.contains(".git")) {
      return Optional.empty();
    }
    return Optional.of(String.join("/", kept));
  }

  AskBuildException reject(String entryName, String why) {
    return AskBuildException.badInput(archive + ": entry '" + entryName + "' " + why);
  }
}
