package dev.askbuild.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The symbolic links one extraction made, and the directories known to exist and resolve inside
 * the root. Only a link can change where a path leads, so the known directories stay valid until a
 * link is made or removed; both happen only here, and both forget them. That keeps most entries of a
 * big tree free of directory creation and link resolution, without any caller having to remember to
 * invalidate.
 */
final class LinkedDirs {
  private final List<Path> links = new ArrayList<>();
  private final Set<Path> verified = new HashSet<>();

  boolean isVerified(Path dir) {
    return verified.contains(dir);
  }

  void markVerified(Path dir) {
    verified.add(dir);
  }

  boolean noLinks() {
    return links.isEmpty();
  }

  /** The links made so far, in archive order. */
  List<Path> links() {
    return Collections.unmodifiableList(links);
  }

  void createLink(Path path, String linkTarget) throws IOException {
    Files.createSymbolicLink(path, Path.of(linkTarget));
    links.add(path);
    verified.clear();
  }

  /** Removes what is at {@code path} (not a directory) so an entry can take its place. */
  void deleteIfExists(Path path) throws IOException {
    if (Files.deleteIfExists(path) && links.remove(path)) {
      verified.clear();
    }
  }
}
