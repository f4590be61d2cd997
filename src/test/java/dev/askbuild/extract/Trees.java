package dev.askbuild.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Listings of a directory, to prove a rejected extraction left nothing behind. */
final class Trees {
  private Trees() {}

  static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}
