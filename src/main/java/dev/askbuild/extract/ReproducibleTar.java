package dev.askbuild.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/** What makes a written tar.gz the same bytes every time, shared by everything that writes one. */
final class ReproducibleTar {
  private ReproducibleTar() {}

  /** gzip level 9, no timestamp, no file name, Unix whatever host made it. */
  static GzipParameters gzip() {
    GzipParameters gzip = new GzipParameters();
    gzip.setModificationTime(0);
    gzip.setCompressionLevel(9);
    gzip.setOperatingSystem(3);
    return gzip;
  }

  /** mtime at the epoch, owner and group 0 with no names. */
  static void pin(TarArchiveEntry entry, long epoch) {
    entry.setModTime(FileTime.from(Instant.ofEpochSecond(epoch)));
    entry.setUserId(0);
    entry.setGroupId(0);
    entry.setUserName("");
    entry.setGroupName("");
  }

  /** The permission bits of {@code p} itself (a link's own, not its target's), as tar stores them. */
  static int mode(Path p) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
    int mode = 0;
    for (PosixFilePermission perm : perms) {
      mode |= switch (perm) {
        case OWNER_READ -> 0400;
        case OWNER_WRITE -> 0200;
        case OWNER_EXECUTE -> 0100;
        case GROUP_READ -> 040;
        case GROUP_WRITE -> 020;
        case GROUP_EXECUTE -> 010;
        case OTHERS_READ -> 04;
        case OTHERS_WRITE -> 02;
        case OTHERS_EXECUTE -> 01;
      };
    }
    return mode;
  }
}
