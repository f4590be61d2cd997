package dev.askbuild.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes a reproducible .tar.gz from in-memory files (sorted names, fixed mtime, owner 0, gzip
 * header without timestamp; gzip level 9 as the normalizer uses): how ask-build makes the demo board's inputs itself.
 */
public final class TarWriter {
  /** One file of the archive; directories are implied by the paths. */
  public record TreeFile(String path, byte[] content, boolean executable) {}

  private TarWriter() {}

  public static void writeTarGz(Path out, String top, List<TreeFile> files, long epoch) throws IOException {
    TreeMap<String, TreeFile> sorted = new TreeMap<>();
    TreeSet<String> dirs = new TreeSet<>();
    dirs.add(top + "/");
    for (TreeFile f : files) {
      String name = top + "/" + f.path();
      sorted.put(name, f);
      for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
        dirs.add(name.substring(0, i + 1));
      }
    }
    TreeMap<String, TreeFile> all = new TreeMap<>(sorted);
    dirs.forEach(d -> all.put(d, null));
    try (OutputStream raw = Files.newOutputStream(out);
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw, ReproducibleTar.gzip());
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (var e : all.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        TreeFile f = e.getValue();
        if (f == null) {
          entry.setMode(040755);
        } else {
          entry.setMode(f.executable() ? 0100755 : 0100644);
          entry.setSize(f.content().length);
        }
        ReproducibleTar.pin(entry, epoch);
        tar.putArchiveEntry(entry);
        if (f != null) {
          tar.write(f.content());
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }
}
