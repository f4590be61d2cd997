package dev.askbuild.kernel;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.core.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What earlier kernel makes built, kept in the cache under {@code kernel/.builds/} (apart from the
 * entries, so pruning a tree keeps its figures): per tree (tarball, patches, toolchain, target) and
 * resolved {@code .config}, the objects counted and the seconds taken. The next make of the same tree
 * and config expects exactly that count; one of the same tree with another config scales the nearest
 * by the number of enabled options; with no history the count is estimated from the options alone.
 */
final class BuildHistory {
  /**
   * Objects per enabled option with no history: measured on Debian's 6.12 with tinyconfig and the
   * demo fragment (Image and modules), where most options each add one or two objects besides the
   * core every build has.
   */
  static final double OBJECTS_PER_OPTION = 2.0;

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** One make's figures. {@code enabled} counts the {@code =y} and {@code =m} options of its config. */
  record Build(String tree, String config, int enabled, int objects, long millis) {}

  private final Path dir;

  BuildHistory(Path cache) {
    this.dir = cache.resolve("kernel").resolve(".builds");
  }

  static String treeKey(String cacheKeyText) {
    // The entry's key without the fragment and base config: what the tree is, not how configured.
    StringBuilder tree = new StringBuilder();
    for (String line : cacheKeyText.split("\n")) {
      if (!line.startsWith("fragment ") && !line.startsWith("base-config ")) {
        tree.append(line).append('\n');
      }
    }
    return Sha256.ofString(tree.toString()).substring(0, 16);
  }

  /** The {@code =y} and {@code =m} lines of a {@code .config}'s text. */
  static int enabled(String dotConfigText) {
    return (int) dotConfigText.lines().filter(l -> l.startsWith("CONFIG_") && (l.endsWith("=y") || l.endsWith("=m")))
        .count();
  }

  ObjectEstimate expect(String tree, String configSha, int enabled) throws IOException {
    Optional<Build> exact = read(dir.resolve(tree + "-" + configSha.substring(0, 16) + ".json"));
    if (exact.isPresent()) {
      return new ObjectEstimate(exact.get().objects(), true, "the last build of this tree and config");
    }
    Optional<Build> nearest = Optional.empty();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        nearest = files.filter(p -> p.getFileName().toString().startsWith(tree + "-"))
            .map(BuildHistory::readQuietly).flatMap(Optional::stream)
            .min(Comparator.comparingInt(b -> Math.abs(b.enabled() - enabled)));
      }
    }
    if (nearest.isPresent() && nearest.get().enabled() > 0) {
      Build b = nearest.get();
      int scaled = (int) Math.max(1, Math.round((double) b.objects() * enabled / b.enabled()));
      return new ObjectEstimate(scaled, false, "a build of this tree with another config ("
          + b.objects() + " objects for " + b.enabled() + " enabled options, scaled to " + enabled + ")");
    }
    return new ObjectEstimate((int) Math.max(1, Math.round(enabled * OBJECTS_PER_OPTION)), false,
        "an estimate from the config's " + enabled + " enabled options");
  }

  /** Records a finished make; written by rename, so a concurrent reader never sees half a file. */
  void record(String tree, String configSha, int enabled, int objects, long millis) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(tree + "-" + configSha.substring(0, 16) + ".json");
    Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID());
    JSON.writeValue(tmp.toFile(), new Build(tree, configSha, enabled, objects, millis));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Optional<Build> read(Path file) throws IOException {
    return Files.isRegularFile(file) ? Optional.of(JSON.readValue(file.toFile(), Build.class)) : Optional.empty();
  }

  private static Optional<Build> readQuietly(Path file) {
    try {
      return read(file);
    } catch (IOException e) {
      return Optional.empty(); // a figure that cannot be read is only a worse estimate
    }
  }
}
