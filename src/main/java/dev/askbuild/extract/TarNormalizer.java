package dev.askbuild.extract;

import dev.askbuild.core.FileTrees;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Re-packs a source tarball so the same content always gives the same bytes: names sorted, every
 * mtime the epoch, owner and group 0 with no names, no {@code .git}, and a gzip header with no
 * timestamp or file name. The input goes through {@link SafeExtractor} first, so a hostile archive
 * is refused here too.
 */
public final class TarNormalizer {

  public void normalize(Path in, Path out, long epoch) throws IOException {
    dev.askbuild.core.SourceDateEpoch.check(epoch, "--epoch");
    Path output = out.toAbsolutePath().normalize();
    Path unpacked = FileTrees.stagingSibling(output.resolveSibling(output.getFileName() + ".tree"));
    Path partial = FileTrees.stagingSibling(output);
    try {
      new SafeExtractor()
          .extract(ExtractRequest.of(in, unpacked).withDropVcs(true).withEpoch(epoch));
      write(unpacked, partial, epoch);
      Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      FileTrees.deleteQuietly(unpacked);
      Files.deleteIfExists(partial);
    }
  }

  private static void write(Path tree, Path file, long epoch) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw, ReproducibleTar.gzip());
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Path p : sortedTree(tree)) {
        tar.putArchiveEntry(entryFor(tree, p, epoch));
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.copy(p, tar);
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  /** Depth-first, each directory's children in byte order of their names, parents first. */
  private static List<Path> sortedTree(Path root) throws IOException {
    List<Path> result = new ArrayList<>();
    addChildren(root, result);
    return result;
  }

  private static void addChildren(Path dir, List<Path> result) throws IOException {
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = new ArrayList<>(list.toList());
    }
    children.sort((a, b) -> compareBytes(a.getFileName().toString(), b.getFileName().toString()));
    for (Path child : children) {
      result.add(child);
      if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        addChildren(child, result);
      }
    }
  }

  private static int compareBytes(String a, String b) {
    return java.util.Arrays.compareUnsigned(
        a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static TarArchiveEntry entryFor(Path root, Path p, long epoch) throws IOException {
    String name = root.relativize(p).toString();
    TarArchiveEntry entry;
    if (Files.isSymbolicLink(p)) {
      entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      entry.setLinkName(Files.readSymbolicLink(p).toString());
      entry.setMode(0120777);
    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      entry = new TarArchiveEntry(name + "/");
      entry.setMode(040000 | ReproducibleTar.mode(p));
    } else {
      entry = new TarArchiveEntry(name);
      entry.setMode(0100000 | ReproducibleTar.mode(p));
      entry.setSize(Files.size(p));
    }
    ReproducibleTar.pin(entry, epoch);
    return entry;
  }
}
