package dev.askbuild.check;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The first pass of the check over one file of dist after another: reads it, hashes it, and parses
 * it as ELF or checks it as a non-ELF file ({@link NonElfChecks}). One per scanning thread, never
 * shared: files are read into one buffer that grows to the largest file and is reused, because a
 * fresh array per file (a dist of thousands of modules is hundreds of megabytes) cost the stage
 * more in allocation and garbage collection than the reading itself. Nothing parsed keeps a
 * reference to the buffer: {@link ElfReader} copies out what it keeps.
 */
final class FileScanner {
  /** Files up to this size are read once into memory, hashed and parsed from the same bytes. */
  static final long SMALL_FILE = 64L << 20;
  /** Reads go through the JDK's per-thread direct buffer of this size at most, kept in cache. */
  private static final int CHUNK = 1 << 20;

  private final CheckTarget target;
  private final MessageDigest digest = Sha256.newDigest();
  private final NamePool names = NamePool.create();
  private byte[] buffer = new byte[CHUNK];

  FileScanner(CheckTarget target) {
    this.target = target;
  }

  ScannedFile scan(DistFile file) {
    if (file.size() > SMALL_FILE) {
      return scanLarge(file);
    }
    int length = read(file.file(), (int) file.size());
    digest.update(buffer, 0, length);
    String sha = HexFormat.of().formatHex(digest.digest());
    if (!ElfReader.isElf(buffer, length)) {
      NonElfChecks.Outcome outcome = NonElfChecks.check(file.path(), Arrays.copyOf(buffer, length), target);
      return ScannedFile.nonElf(new Artifact(file.path(), length, sha, outcome.kind()), outcome.results());
    }
    try {
      ElfFile parsed = ElfReader.read(file.file().toString(), buffer, length, names);
      return ScannedFile.elf(new Artifact(file.path(), length, sha, Checker.kind(file.path(), parsed)), parsed);
    } catch (AskBuildException e) {
      return ScannedFile.malformed(new Artifact(file.path(), length, sha, "malformed-elf"), e.getMessage());
    }
  }

  /** A file over {@link #SMALL_FILE}: hashed as a stream, parsed from a mapping, never read whole. */
  private ScannedFile scanLarge(DistFile file) {
    String sha;
    try {
      sha = Sha256.ofFile(file.file());
    } catch (IOException e) {
      throw cannotRead(file.file(), e);
    }
    if (!ElfReader.isElf(file.file())) {
      NonElfChecks.Outcome outcome = NonElfChecks.checkLarge(file.path(), head(file.file()));
      return ScannedFile.nonElf(new Artifact(file.path(), file.size(), sha, outcome.kind()), outcome.results());
    }
    try {
      ElfFile parsed = ElfReader.read(file.file());
      return ScannedFile.elf(new Artifact(file.path(), file.size(), sha, Checker.kind(file.path(), parsed)), parsed);
    } catch (AskBuildException e) {
      return ScannedFile.malformed(new Artifact(file.path(), file.size(), sha, "malformed-elf"), e.getMessage());
    }
  }

  /**
   * Reads the whole file into {@link #buffer}, which grows as needed (to {@code expected}, the size
   * the walk saw, at once); returns the length read, which is what counts if the file changed.
   */
  private int read(Path file, int expected) {
    if (buffer.length <= expected) {
      buffer = new byte[Math.max(expected + 1, buffer.length * 2)];
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      int length = 0;
      while (true) {
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, CHUNK));
        }
        int n = channel.read(ByteBuffer.wrap(buffer, length, Math.min(CHUNK, buffer.length - length)));
        if (n < 0) {
          return length;
        }
        length += n;
      }
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  /** The first bytes of a file, enough for the magic numbers {@link NonElfChecks} knows. */
  private static byte[] head(Path file) {
    try (var in = java.nio.file.Files.newInputStream(file)) {
      return in.readNBytes(512);
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  private static AskBuildException cannotRead(Path file, IOException e) {
    return AskBuildException.badInput(file + ": cannot read: " + e.getMessage(), e);
  }

  /** One regular file under dist: its path relative to dist (with '/'), where it is, its size. */
  record DistFile(String path, Path file, long size) {}

  /**
   * One file of dist as the first pass left it: an ELF (or why it is malformed), or a non-ELF file
   * whose results need nothing else and are ready.
   */
  record ScannedFile(Artifact artifact, Optional<ElfFile> elf, Optional<String> error, List<CheckResult> ready) {
    static ScannedFile elf(Artifact artifact, ElfFile elf) {
      return new ScannedFile(artifact, Optional.of(elf), Optional.empty(), List.of());
    }

    static ScannedFile malformed(Artifact artifact, String error) {
      return new ScannedFile(artifact, Optional.empty(), Optional.of(error), List.of());
    }

    static ScannedFile nonElf(Artifact artifact, List<CheckResult> results) {
      return new ScannedFile(artifact, Optional.empty(), Optional.empty(), results);
    }
  }
}
