package dev.askbuild.kernel;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The {@code *.patch} files of a directory, in name order, with their hashes. */
public record PatchSeries(Optional<Path> dir, List<Patch> patches) {
  /** One patch file and its SHA-256. */
  public record Patch(String name, Path path, String sha256) {}

  public PatchSeries {
    patches = List.copyOf(patches);
  }

  public static PatchSeries none() {
    return new PatchSeries(Optional.empty(), List.of());
  }

  /**
   * Every {@code *.patch} in a directory, in name order; or, given a single patch file, just that
   * one (ASK's patches/kernel also keeps a legacy 5.4 patch that must not be applied to 6.12).
   */
  public static PatchSeries of(Path dir) throws IOException {
    if (Files.isRegularFile(dir)) {
      return new PatchSeries(Optional.of(dir.toAbsolutePath().getParent()),
          List.of(new Patch(dir.getFileName().toString(), dir.toAbsolutePath(), Sha256.ofFile(dir))));
    }
    if (!Files.isDirectory(dir)) {
      throw AskBuildException.badInput("patch directory " + dir + " does not exist");
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> p.getFileName().toString().endsWith(".patch"))
              .filter(Files::isRegularFile)
              .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
              .toList();
    }
    if (files.isEmpty()) {
      throw AskBuildException.badInput("patch directory " + dir + " holds no *.patch file");
    }
    List<Patch> patches =
        files.stream()
            .map(f -> new Patch(f.getFileName().toString(), f.toAbsolutePath(), Sha256.ofFileUnchecked(f)))
            .toList();
    return new PatchSeries(Optional.of(dir.toAbsolutePath()), patches);
  }

  /** Names and hashes in order, for the cache key. */
  String identity() {
    StringBuilder sb = new StringBuilder();
    patches.forEach(p -> sb.append(p.sha256()).append("  ").append(p.name()).append('\n'));
    return sb.toString();
  }
}
