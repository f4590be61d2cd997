package dev.askbuild.core;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * A file whose SHA-256 was proven, with the identity it had while it was hashed (size, modification
 * time, inode). Later stages take the hash from here instead of hashing again, and call {@link
 * #recheck()} before and after they read the file: a file replaced or rewritten after its
 * verification has another inode, size or time, and is refused rather than trusted by a hash that
 * was never taken of it.
 *
 * @param name the name the checksum list or board gives the file
 * @param path where the bytes are read from (absolute)
 */
public record TrustedFile(String name, String path, String sha256, long size, long mtimeNanos, String fileKey)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public TrustedFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(fileKey, "fileKey");
  }

  /** What a file is now: its size, modification time and inode. */
  public record Stamp(long size, long mtimeNanos, String fileKey) {
    public static Stamp of(Path file) throws IOException {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      Object key = a.fileKey();
      return new Stamp(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
          key == null ? "" : key.toString());
    }
  }

  /**
   * Hashes a file and stamps it, refusing one that changed while it was read (the stamp is taken
   * before and after).
   */
  public static TrustedFile hash(String name, Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    if (!Files.isRegularFile(absolute)) {
      throw AskBuildException.badInput(name + ": " + absolute + " does not exist or is not a file");
    }
    Stamp before = Stamp.of(absolute);
    String sha = Sha256.ofFile(absolute);
    return stamped(name, absolute, sha, before);
  }

  /** A file hashed by someone else between {@code before} and now, stamped if it did not change. */
  public static TrustedFile stamped(String name, Path file, String sha256, Stamp before) throws IOException {
    Stamp after = Stamp.of(file);
    if (!after.equals(before)) {
      throw AskBuildException.checkFailed(name + ": " + file + " changed while it was being hashed");
    }
    return new TrustedFile(name, file.toAbsolutePath().toString(), sha256, after.size(), after.mtimeNanos(),
        after.fileKey());
  }

  public Path file() {
    return Path.of(path);
  }

  /**
   * The file, if it is still the one that was verified; exit 1 naming it otherwise. Cheap (one
   * stat), so stages call it right before and right after they read the bytes.
   */
  public Path recheck() throws IOException {
    Path p = file();
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p)) {
      throw AskBuildException.checkFailed(name + ": " + p + " was verified but is gone");
    }
    Stamp now = Stamp.of(p);
    if (now.size() != size || now.mtimeNanos() != mtimeNanos || !now.fileKey().equals(fileKey)) {
      throw AskBuildException.checkFailed(name + ": " + p + " changed after it was verified (size, time or inode"
          + " differ); verify again");
    }
    return p;
  }
}
