package dev.askbuild.kernel;

import dev.askbuild.cache.EntryManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A published tree of the same kernel under another configuration, for a missing entry to be
 * rebuilt from instead of from nothing. "The same kernel" is everything in the cache key but the
 * fragment and the base config: tarball, patch series, toolchain, target, epoch and build mode, so
 * the copy holds exactly the sources a cold build would extract and patch, built by the same
 * compiler. Kbuild then rebuilds what the changed options reach: {@code syncconfig} touches one
 * dependency file per changed symbol and {@code fixdep} made every object depend on exactly the
 * symbols it reads.
 *
 * <p>Of the candidates, the one whose fragment differs in fewest lines wins (its base config counts
 * as one line), then the most recently used. A candidate whose files no longer match its manifest is
 * never a base: its damage would be copied into the new entry.
 *
 * @param entry the candidate's cache entry directory
 * @param id its key id, said in the stage's messages
 * @param distance lines of fragment (and the base config) that differ from the request's
 */
record NearestTree(Path entry, String id, int distance) {
  static final String KEY_FILE = "cache-key.txt";
  static final String FRAGMENT_FILE = "fragment.config";

  Path tree() {
    return entry.resolve("tree");
  }

  static Optional<NearestTree> find(Path kernels, CacheKey wanted, String fragmentText) throws IOException {
    if (!Files.isDirectory(kernels)) {
      return Optional.empty();
    }
    String tree = BuildHistory.treeKey(wanted.text());
    String baseConfig = line(wanted.text(), "base-config ");
    Set<String> settings = settings(fragmentText);
    List<NearestTree> candidates;
    try (Stream<Path> list = Files.list(kernels)) {
      candidates = list.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().equals(wanted.id()))
          .filter(KernelStage::isValidEntry)
          .map(p -> candidate(p, tree, baseConfig, settings))
          .flatMap(Optional::stream)
          .sorted(Comparator.comparingInt(NearestTree::distance)
              .thenComparing(Comparator.comparingLong(NearestTree::lastUsed).reversed()))
          .toList();
    }
    for (NearestTree c : candidates) {
      if (EntryManifest.exists(c.entry()) && EntryManifest.verify(c.entry(), false).isEmpty()) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static Optional<NearestTree> candidate(Path entry, String tree, String baseConfig, Set<String> settings) {
    try {
      String key = Files.readString(entry.resolve(KEY_FILE), StandardCharsets.UTF_8);
      if (!BuildHistory.treeKey(key).equals(tree) || !Files.isRegularFile(entry.resolve(FRAGMENT_FILE))) {
        return Optional.empty();
      }
      Set<String> theirs = settings(Files.readString(entry.resolve(FRAGMENT_FILE), StandardCharsets.UTF_8));
      Set<String> differ = new HashSet<>(settings);
      differ.addAll(theirs);
      Set<String> both = new HashSet<>(settings);
      both.retainAll(theirs);
      differ.removeAll(both);
      int distance = differ.size() + (line(key, "base-config ").equals(baseConfig) ? 0 : 1);
      return Optional.of(new NearestTree(entry, entry.getFileName().toString(), distance));
    } catch (IOException e) {
      return Optional.empty(); // an entry being pruned or unreadable is simply no candidate
    }
  }

  /** A fragment's settings as lines, comments and blank lines left out ("is not set" kept). */
  static Set<String> settings(String fragmentText) {
    Set<String> lines = new HashSet<>();
    for (String l : fragmentText.split("\n")) {
      String s = l.strip();
      if (s.startsWith("CONFIG_") || (s.startsWith("# CONFIG_") && s.endsWith(" is not set"))) {
        lines.add(s);
      }
    }
    return lines;
  }

  private static String line(String keyText, String prefix) {
    return keyText.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
  }

  private long lastUsed() {
    try {
      return Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
