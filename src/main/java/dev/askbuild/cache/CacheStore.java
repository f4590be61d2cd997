package dev.askbuild.cache;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.FileTrees;
import dev.askbuild.extract.ExtractLimits;
import dev.askbuild.extract.ExtractRequest;
import dev.askbuild.extract.SafeExtractor;
import dev.askbuild.extract.TreeArchive;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The stage cache as a whole, for {@code askbuild cache}: its published entries (kernel trees under
 * {@code kernel/<id>}, sysroots as {@code sysroot-<id>}; staging directories, locks and the compiler
 * cache are no entries), checked against their manifests, pruned to a size, carried to another
 * cache as a tar file. An import is extracted beside the entries, checked against its own manifest
 * with every file hashed, and only then published by rename, so a damaged transfer never becomes an
 * entry.
 */
public final class CacheStore {
  /** An entry hit or published this recently may be in use by a running build: prune keeps it. */
  static final Duration IN_USE = Duration.ofMinutes(10);
  /** An exported entry is a plain tar of a built tree: a ratio near one, more entries than a source tarball. */
  static final ExtractLimits IMPORT_LIMITS = new ExtractLimits(256L << 30, 5_000_000, 4.0, 64L << 20);
  static final String SYSROOT_MARKER = ".askbuild-complete";

  private final Path root;

  public CacheStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** Every published entry, oldest use first. */
  public List<CacheEntry> list() throws IOException {
    List<CacheEntry> entries = new ArrayList<>();
    Path kernels = root.resolve("kernel");
    if (Files.isDirectory(kernels)) {
      for (Path p : children(kernels)) {
        if (Files.isRegularFile(p.resolve("kernel-manifest.json")) && Files.isDirectory(p.resolve("tree"))) {
          entries.add(entry("kernel", p));
        }
      }
    }
    if (Files.isDirectory(root)) {
      for (Path p : children(root)) {
        if (p.getFileName().toString().startsWith("sysroot-") && Files.exists(p.resolve(SYSROOT_MARKER))) {
          entries.add(entry("sysroot", p));
        }
      }
    }
    entries.sort(Comparator.comparingLong(CacheEntry::lastUsedMillis).thenComparing(CacheEntry::relative));
    return entries;
  }

  /** The entry whose id is {@code key} or starts with it, or a one-line error naming the key. */
  public CacheEntry find(String key) throws IOException {
    List<CacheEntry> matches = list().stream()
        .filter(e -> e.id().equals(key) || e.id().startsWith(key) || e.relative().equals(key)).toList();
    if (matches.size() != 1) {
      throw AskBuildException.badInput("cache " + root + ": " + (matches.isEmpty() ? "no entry " : "more than one entry ")
          + key + " (see `askbuild cache list`)");
    }
    return matches.get(0);
  }

  /** Marks an entry used now, for prune's least-recently-used order; its files are untouched. */
  public static void touch(Path entry) {
    try {
      Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // A read-only shared cache still serves hits; prune's order is then by publication.
    }
  }

  /** An entry's manifest problems, every file hashed; an entry without a manifest gets one now. */
  public List<String> verify(CacheEntry entry) throws IOException {
    Path dir = root.resolve(entry.relative());
    if (!EntryManifest.exists(dir)) {
      EntryManifest.write(dir);
      return List.of();
    }
    return EntryManifest.verify(dir, true);
  }

  /**
   * Deletes the least recently used entries until the cache's entries fit in {@code maxBytes};
   * never one used in the last ten minutes. Returns the entries deleted.
   */
  public List<CacheEntry> prune(long maxBytes) throws IOException {
    List<CacheEntry> entries = list();
    long total = entries.stream().mapToLong(CacheEntry::bytes).sum();
    long recent = Instant.now().minus(IN_USE).toEpochMilli();
    List<CacheEntry> deleted = new ArrayList<>();
    for (CacheEntry e : entries) {
      if (total <= maxBytes) {
        break;
      }
      if (e.lastUsedMillis() >= recent) {
        continue;
      }
      Path dir = root.resolve(e.relative());
      Path aside = FileTrees.stagingSibling(dir);
      Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
      FileTrees.deleteRecursively(aside);
      total -= e.bytes();
      deleted.add(e);
    }
    return deleted;
  }

  /** Writes an entry, with its manifest (made now if it has none), as a tar to {@code file}. */
  public void export(CacheEntry entry, Path file) throws IOException {
    Path dir = root.resolve(entry.relative());
    if (!EntryManifest.exists(dir)) {
      EntryManifest.write(dir);
    }
    Path tmp = file.toAbsolutePath().resolveSibling("." + file.getFileName() + ".partial");
    try {
      TreeArchive.write(dir, entry.relative(), tmp);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** What an import did. */
  public record Imported(CacheEntry entry, boolean alreadyPresent) {}

  /**
   * Publishes the entry in an exported tar, after checking every file against the manifest it
   * carries: one that fails, or has no manifest, is refused (exit 1) and nothing is published.
   */
  public Imported importFrom(Path file) throws IOException {
    Files.createDirectories(root);
    Path staging = root.resolve(".import-" + java.util.UUID.randomUUID());
    try {
      new SafeExtractor().extract(ExtractRequest.of(file, staging).withLimits(IMPORT_LIMITS));
      Path top = single(staging, file);
      String relative = staging.relativize(top).toString();
      String kind = relative.startsWith("kernel/") ? "kernel" : "sysroot";
      if (!EntryManifest.exists(top)) {
        throw AskBuildException.checkFailed("import " + file + ": " + relative + " has no " + EntryManifest.FILE
            + "; an entry is imported only with the hashes it was published with");
      }
      List<String> problems = EntryManifest.verify(top, true);
      if (!problems.isEmpty()) {
        throw AskBuildException.checkFailed("import " + file + ": " + relative + " does not match its manifest: "
            + String.join("; ", problems));
      }
      Path target = root.resolve(relative);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        return new Imported(entry(kind, target), true);
      }
      Files.createDirectories(target.getParent());
      FileTrees.publish(top, target);
      EntryManifest.moveProof(top, target);
      touch(target);
      return new Imported(entry(kind, target), false);
    } finally {
      FileTrees.deleteQuietly(staging);
    }
  }

  /** The one entry directory an export holds: {@code kernel/<id>} or {@code sysroot-<id>}. */
  private static Path single(Path staging, Path file) throws IOException {
    List<Path> tops = children(staging);
    if (tops.size() == 1 && tops.get(0).getFileName().toString().startsWith("sysroot-")) {
      return tops.get(0);
    }
    if (tops.size() == 1 && tops.get(0).getFileName().toString().equals("kernel")) {
      List<Path> kernels = children(tops.get(0));
      if (kernels.size() == 1) {
        return kernels.get(0);
      }
    }
    throw AskBuildException.badInput("import " + file + ": not an exported cache entry (one kernel/<id> or"
        + " sysroot-<id> directory expected)");
  }

  private CacheEntry entry(String kind, Path dir) throws IOException {
    String name = dir.getFileName().toString();
    String id = kind.equals("sysroot") ? name.substring("sysroot-".length()) : name;
    return new CacheEntry(kind, id, root.relativize(dir).toString(), size(dir),
        Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toMillis(), EntryManifest.exists(dir));
  }

  /**
   * Where verification remembers the tarball hashes this machine computed: a hidden file of the
   * cache, one per machine (the identities it keeps mean nothing on another).
   */
  public static Path hashMemo(Path cache) {
    return cache.resolve(".verified-tarballs-" + EntryLock.Holder.HOST.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  /** Entries only: hidden names are staging directories, proofs and the build history. */
  private static List<Path> children(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().endsWith(".lock"))
          .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
  }

  private static long size(Path dir) throws IOException {
    long[] total = {0};
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        total[0] += attrs.size();
        return FileVisitResult.CONTINUE;
      }
    });
    return total[0];
  }

  /** {@code 20G}, {@code 500M}, {@code 1T} or bytes. */
  public static long parseSize(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    long unit = 1;
    char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    switch (last) {
      case 'K' -> unit = 1L << 10;
      case 'M' -> unit = 1L << 20;
      case 'G' -> unit = 1L << 30;
      case 'T' -> unit = 1L << 40;
      default -> { }
    }
    String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
    try {
      long n = Long.parseLong(digits);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n * unit;
    } catch (NumberFormatException e) {
      throw AskBuildException.badInput("--max-size must be a size such as 20G, 500M or a number of bytes, got '"
          + text + "'");
    }
  }

  public static String human(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }
}
