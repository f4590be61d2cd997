package dev.askbuild.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A file's identity and times as git's index keeps them: device, inode, size, modification and
 * change times in nanoseconds. A file whose identity is unchanged still has the bytes it had: any
 * write moves its change time, and no tool can set that back (only the system clock can).
 */
public record FileIdentity(long dev, long ino, long size, long mtimeNanos, long ctimeNanos) {
  /** The file itself, not what a link points to. */
  public static FileIdentity of(Path file) throws IOException {
    return of(file, Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
  }

  /** As {@link #of(Path)} with the basic attributes already read (a tree walk has them). */
  public static FileIdentity of(Path file, BasicFileAttributes attrs) throws IOException {
    Map<String, Object> unix = Files.readAttributes(file, "unix:dev,ino,ctime", LinkOption.NOFOLLOW_LINKS);
    return new FileIdentity(((Number) unix.get("dev")).longValue(), ((Number) unix.get("ino")).longValue(),
        attrs.size(), nanos(attrs.lastModifiedTime()), nanos((FileTime) unix.get("ctime")));
  }

  /** {@code dev ino size mtime ctime}, the form the cache's proof files and the hash memo store. */
  public String text() {
    return dev + " " + ino + " " + size + " " + mtimeNanos + " " + ctimeNanos;
  }

  private static long nanos(FileTime time) {
    return time.to(TimeUnit.NANOSECONDS);
  }
}
