package dev.askbuild.verify;

import dev.askbuild.core.FileIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 this machine last computed for each tarball, kept with the file's {@link FileIdentity}
 * so a warm run need not read 150 MB again to prove a file it proved before: a file whose path,
 * device, inode, size and times are what they were when it was hashed has the same bytes. The file
 * is one line per tarball, {@code dev ino size mtime ctime sha256<TAB>path}, and lives in the stage
 * cache, which is trusted as much (a writer to the cache could change a kernel tree too).
 *
 * <p>A file changed less than a second before it was hashed is not remembered: timestamps move in
 * clock ticks, so a second write within the same tick could leave its times as they were (git's
 * "racily clean" entries). It is hashed again next time, and remembered then.
 */
final class RememberedHashes {
  static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Path file;
  private final Map<String, String> lines = new TreeMap<>();
  private final Map<String, String> learned = new TreeMap<>();

  private RememberedHashes(Path file) {
    this.file = file;
  }

  /** What {@code file} remembers; none when it does not exist or cannot be read (then all is hashed). */
  static RememberedHashes at(Path file) {
    RememberedHashes memo = new RememberedHashes(file);
    memo.lines.putAll(read(file));
    return memo;
  }

  /** The hash remembered for {@code path}, if the file is still the one that was hashed. */
  synchronized Optional<String> sha256(Path path, FileIdentity now) {
    String line = lines.get(path.toAbsolutePath().toString());
    String prefix = now.text() + " ";
    if (line == null || !line.startsWith(prefix)) {
      return Optional.empty();
    }
    String sha = line.substring(prefix.length());
    return sha.matches("[0-9a-f]{64}") ? Optional.of(sha) : Optional.empty();
  }

  /**
   * Remembers what hashing found, if the file was the same before and after and had not changed
   * within {@link #RACY_NANOS} of when the hashing began ({@code startedNanos}, since the epoch).
   */
  synchronized void learn(Path path, FileIdentity before, FileIdentity after, String sha256, long startedNanos) {
    if (before.equals(after) && startedNanos - Math.max(after.mtimeNanos(), after.ctimeNanos()) >= RACY_NANOS) {
      learned.put(path.toAbsolutePath().toString(), after.text() + " " + sha256);
    }
  }

  /**
   * Writes what was learned, merged into what the file holds now (another run may have written it
   * meanwhile), through a rename so a reader never sees half a file.
   */
  synchronized void save() throws IOException {
    if (learned.isEmpty()) {
      return;
    }
    Map<String, String> merged = read(file);
    merged.putAll(learned);
    StringBuilder text = new StringBuilder();
    merged.forEach((path, line) -> text.append(line).append('\t').append(path).append('\n'));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID());
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    lines.putAll(learned);
    learned.clear();
  }

  private static Map<String, String> read(Path file) {
    Map<String, String> read = new TreeMap<>();
    try {
      if (Files.isRegularFile(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          int tab = line.indexOf('\t');
          if (tab > 0) {
            read.put(line.substring(tab + 1), line.substring(0, tab));
          }
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // An unreadable memo only costs hashing again; it never proves anything.
    }
    return read;
  }
}
