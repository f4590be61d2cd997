package dev.askbuild.cache;

import dev.askbuild.core.FileIdentity;
import dev.askbuild.core.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The hashes of everything in a published cache entry, written as {@value #FILE} inside it before it
 * is published, and checked on every hit: a file changed, added, removed or turned into a link after
 * publishing is a corrupt entry, rebuilt rather than trusted.
 *
 * <p>Checking re-hashes only what may have changed: beside the entry, one file per machine ({@code
 * .<entry>.verified-<host>}) remembers, for each file, the device, inode, size, modification and
 * change times (nanoseconds) it had when its hash last matched, as git's index does. A file whose
 * identity and times are unchanged still has those bytes, since any write moves its change time and
 * no tool can set that back; everything else is hashed again. {@code rehash} ignores what is
 * remembered.
 */
public final class EntryManifest {
  public static final String FILE = "entry-manifest.sha256";

  private EntryManifest() {}

  /** One line per file: {@code sha256  size  path}, or {@code link  target  path}; sorted by path. */
  public static void write(Path entry) throws IOException {
    write(entry, Map.of());
  }

  /**
   * As {@link #write(Path)} for an entry made from a copy of {@code base}'s files (the copy keeping
   * their modification times): a file with the path, size and modification time (nanoseconds) a
   * file of {@code base} had when this machine last proved its hash is that file unchanged, and
   * takes its hash; whatever the build since rewrote has a new time and is hashed. The base must
   * have just been checked ({@link #verify}), which is what renews that proof.
   */
  public static void writeFromCopy(Path entry, Path base) throws IOException {
    Map<String, String> copied = new TreeMap<>();
    readStats(statFile(base, EntryLock.Holder.HOST)).forEach((path, stat) -> {
      String[] f = stat.split(" ");
      if (f.length == 6) {
        copied.put(path, f[2] + " " + f[3] + " " + f[5]); // size, mtime, sha256
      }
    });
    write(entry, copied);
  }

  private static void write(Path entry, Map<String, String> copied) throws IOException {
    Map<String, String> lines = new TreeMap<>();
    Map<String, String> proven = new TreeMap<>();
    for (Item item : walk(entry)) {
      if (item.link()) {
        lines.put(item.path(), "link  " + item.target() + "  " + item.path());
      } else {
        String[] f = item.stat().split(" ");
        String same = copied.get(item.path());
        String sha = same != null && same.startsWith(f[2] + " " + f[3] + " ")
            ? same.substring(same.lastIndexOf(' ') + 1)
            : Sha256.ofFile(entry.resolve(item.path()));
        lines.put(item.path(), sha + "  " + item.size() + "  " + item.path());
        proven.put(item.path(), item.stat() + " " + sha);
      }
    }
    StringBuilder text = new StringBuilder();
    lines.values().forEach(l -> text.append(l).append('\n'));
    Files.writeString(entry.resolve(FILE), text, StandardCharsets.UTF_8);
    // The files were just hashed: this machine's first hit need not hash them again.
    writeStats(statFile(entry, EntryLock.Holder.HOST), proven);
  }

  /** Carries this machine's proof along when an entry is renamed (its files keep their identity). */
  public static void moveProof(Path from, Path to) throws IOException {
    Path proof = statFile(from, EntryLock.Holder.HOST);
    if (Files.exists(proof)) {
      Files.move(proof, statFile(to, EntryLock.Holder.HOST), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
  }

  public static boolean exists(Path entry) {
    return Files.isRegularFile(entry.resolve(FILE), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * What differs from the manifest, first ten at most, in path order; empty when the entry is as it
   * was published.
   */
  public static List<String> verify(Path entry, boolean rehash) throws IOException {
    Map<String, String[]> expected = new TreeMap<>();
    for (String line : Files.readAllLines(entry.resolve(FILE), StandardCharsets.UTF_8)) {
      String[] f = line.split("  ", 3);
      if (f.length == 3) {
        expected.put(f[2], f);
      }
    }
    Path statFile = statFile(entry, EntryLock.Holder.HOST);
    Map<String, String> known = rehash ? Map.of() : readStats(statFile);
    Map<String, String> proven = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Item item : walk(entry)) {
      String[] want = expected.remove(item.path());
      if (want == null) {
        problems.add(item.path() + ": added after publishing");
        continue;
      }
      if (item.link() || want[0].equals("link")) {
        if (!(item.link() && want[0].equals("link") && want[1].equals(item.target()))) {
          problems.add(item.path() + ": link changed (" + (want[0].equals("link") ? "-> " + want[1] : "a file")
              + " when published, " + (item.link() ? "-> " + item.target() : "a file") + " now)");
        }
        continue;
      }
      if (item.size() != Long.parseLong(want[1])) {
        problems.add(item.path() + ": size " + item.size() + ", published with " + want[1]);
        continue;
      }
      String stat = item.stat() + " " + want[0];
      if (stat.equals(known.get(item.path()))) {
        proven.put(item.path(), stat);
        continue;
      }
      String got = Sha256.ofFile(entry.resolve(item.path()));
      if (!got.equals(want[0])) {
        problems.add(item.path() + ": sha256 " + got + ", published with " + want[0]);
      } else {
        proven.put(item.path(), stat);
      }
    }
    expected.keySet().forEach(p -> problems.add(p + ": removed after publishing"));
    if (problems.isEmpty()) {
      writeStats(statFile, proven);
    }
    return problems.stream().sorted().limit(10).toList();
  }

  /** One file of the entry is what the manifest says (read and hashed now), without checking the rest. */
  public static boolean holds(Path entry, String relative) throws IOException {
    Path file = entry.resolve(relative);
    if (!exists(entry) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    String line = Sha256.ofFile(file) + "  " + Files.size(file) + "  " + relative;
    return Files.readAllLines(entry.resolve(FILE), StandardCharsets.UTF_8).contains(line);
  }

  /** Where this machine remembers which files it proved; beside the entry, never inside it. */
  static Path statFile(Path entry, String host) {
    Path absolute = entry.toAbsolutePath().normalize();
    return absolute.resolveSibling("." + absolute.getFileName() + ".verified-" + host.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  private static Map<String, String> readStats(Path file) throws IOException {
    Map<String, String> stats = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return stats;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        stats.put(line.substring(tab + 1), line.substring(0, tab));
      }
    }
    return stats;
  }

  private static void writeStats(Path file, Map<String, String> proven) throws IOException {
    StringBuilder text = new StringBuilder();
    proven.forEach((path, stat) -> text.append(stat).append('\t').append(path).append('\n'));
    Path tmp = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID());
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A file or link of an entry; {@code stat} is its identity and times. */
  private record Item(String path, boolean link, String target, long size, String stat) {}

  private static List<Item> walk(Path entry) throws IOException {
    List<Item> items = new ArrayList<>();
    Files.walkFileTree(entry, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        String rel = entry.relativize(file).toString();
        if (rel.equals(FILE)) {
          return FileVisitResult.CONTINUE;
        }
        if (attrs.isSymbolicLink()) {
          items.add(new Item(rel, true, Files.readSymbolicLink(file).toString(), 0, ""));
        } else {
          items.add(new Item(rel, false, "", attrs.size(), FileIdentity.of(file, attrs).text()));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return items;
  }
}
