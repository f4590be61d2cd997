package dev.askbuild.extract;

import java.nio.file.attribute.FileTime;
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
}
