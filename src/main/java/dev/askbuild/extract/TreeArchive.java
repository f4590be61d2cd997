package dev.askbuild.extract;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A directory tree streamed into a plain tar (no compression: a built kernel tree is mostly object
 * files and source that the transfer between agents may compress itself), in path order, with
 * modes and modification times kept, links as links. {@link SafeExtractor} reads it back.
 */
public final class TreeArchive {
  private TreeArchive() {}

  /** Writes {@code root}'s contents under the top directory {@code top} to {@code out}. */
  public static void write(Path root, String top, Path out) throws IOException {
    List<Path> paths = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        paths.add(dir);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        paths.add(file);
        return FileVisitResult.CONTINUE;
      }
    });
    paths.sort(Comparator.comparing(p -> root.relativize(p).toString()));
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(raw, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Path p : paths) {
        String rel = root.relativize(p).toString();
        String name = rel.isEmpty() ? top + "/" : top + "/" + rel;
        BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        TarArchiveEntry entry;
        if (attrs.isSymbolicLink()) {
          entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
          entry.setLinkName(Files.readSymbolicLink(p).toString());
        } else if (attrs.isDirectory()) {
          entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
          entry.setMode(040000 | ReproducibleTar.mode(p));
        } else if (attrs.isRegularFile()) {
          entry = new TarArchiveEntry(name);
          entry.setMode(0100000 | ReproducibleTar.mode(p));
          entry.setSize(attrs.size());
        } else {
          continue; // sockets and fifos are no part of a cache entry
        }
        entry.setModTime(attrs.lastModifiedTime());
        tar.putArchiveEntry(entry);
        if (attrs.isRegularFile() && !attrs.isSymbolicLink()) {
          Files.copy(p, tar);
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }
}
