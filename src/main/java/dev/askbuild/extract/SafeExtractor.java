package dev.askbuild.extract;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Heartbeat;
import dev.askbuild.core.Progress;
import dev.askbuild.core.ExecutablePath;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.TrustedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The only way the engine unpacks an archive. Everything is written into a hidden sibling of the
 * target and moved into place in one rename once the whole archive was accepted; a rejected archive
 * leaves nothing behind. Refused: paths or links that leave the target, hard links to anything not
 * extracted before, devices and FIFOs, archives past the size, count or ratio limits, and truncated
 * or corrupt streams.
 */
public final class SafeExtractor {
  private static final int BUFFER = 64 * 1024;
  private static final int TAR_RECORD = 512;

  private final StreamOpener opener;

  /** Uses the host's xz and bzip2 when they are on PATH (with a bare environment). */
  public SafeExtractor() {
    this(new ProcessRunner(Map.of("PATH", ExecutablePath.current(), "LC_ALL", "C")), true);
  }

  /** {@code hostDecoders} false: only the Java decoders, whatever the host has. */
  public SafeExtractor(ProcessRunner runner, boolean hostDecoders) {
    this.opener = new StreamOpener(runner, hostDecoders);
  }

  /**
   * Extracts a tarball verification proved. Its identity (size, time, inode) is re-checked right
   * before and right after it is read, so a file replaced in between is refused rather than trusted
   * by the hash of another; the one place every stage unpacks its verified inputs through.
   */
  public ExtractResult extract(TrustedFile tarball, ExtractRequest request) throws IOException {
    return extract(tarball, request, Progress.SILENT, "");
  }

  /**
   * As {@link #extract(TrustedFile, ExtractRequest)}, saying once a second how many entries and
   * bytes are out so far ({@link Heartbeat}, each line starting with {@code what}): a kernel tarball
   * takes half a minute.
   */
  public ExtractResult extract(TrustedFile tarball, ExtractRequest request, Progress progress, String what)
      throws IOException {
    if (!request.archive().toAbsolutePath().normalize().equals(tarball.recheck())) {
      throw new IllegalArgumentException(request.archive() + " is not the proven " + tarball.path());
    }
    ExtractResult result = extract(request, progress, what);
    tarball.recheck();
    return result;
  }

  public ExtractResult extract(ExtractRequest request) throws IOException {
    return extract(request, Progress.SILENT, "");
  }

  private ExtractResult extract(ExtractRequest request, Progress progress, String what) throws IOException {
    Path archive = request.archive();
    if (!Files.isRegularFile(archive)) {
      throw AskBuildException.badInput("archive " + archive + " does not exist or is not a file");
    }
    Path target = request.into().toAbsolutePath().normalize();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw AskBuildException.badInput(
          target + " already exists; extraction only creates a new directory, never writes into one");
    }
    Path createdParent = firstMissingAncestor(target.getParent());
    Files.createDirectories(target.getParent());
    Path staging = FileTrees.stagingSibling(target);
    Files.createDirectory(staging);
    boolean published = false;
    try {
      Run run = new Run(request, staging, target);
      ExtractResult result;
      try (Heartbeat beat = Heartbeat.start(progress, what, run::state)) {
        result = run.extractAll();
      }
      FileTrees.publish(staging, target);
      published = true;
      return result;
    } finally {
      if (!published) {
        FileTrees.deleteQuietly(staging);
        if (createdParent != null) {
          FileTrees.deleteQuietly(createdParent);
        }
      }
    }
  }

  private static Path firstMissingAncestor(Path dir) {
    Path missing = null;
    for (Path p = dir; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  /** The state of one extraction. */
  private final class Run {
    private final ExtractRequest request;
    private final Path root;
    private final Path target;
    private final EntryPaths paths;
    private final long archiveSize;
    private final long byteBudget;
    private final Set<String> regularFiles = new HashSet<>();
    private final LinkedDirs links = new LinkedDirs();
    private final List<DirectoryFixup> directories = new ArrayList<>();
    private final byte[] buffer = new byte[BUFFER];
    private Path realRoot;
    // Written by the extracting thread only, read by the heartbeat's.
    private volatile long entries;
    private long files;
    private long hardlinks;
    private volatile long bytes;
    private long skipped;
    private String decoder;

    Run(ExtractRequest request, Path root, Path target) throws IOException {
      this.request = request;
      this.root = root;
      this.target = target;
      this.paths = new EntryPaths(request.archive(), request.stripComponents(), request.dropVcs());
      this.archiveSize = Files.size(request.archive());
      this.byteBudget = request.limits().byteBudget(archiveSize);
      this.realRoot = root.toRealPath();
    }

    String state() {
      return entries + " entries, " + Heartbeat.megabytes(bytes);
    }

    ExtractResult extractAll() throws IOException {
      ArchiveFormat format;
      try (StreamOpener.Opened opened = opener.open(request.archive())) {
        format = opened.format();
        decoder = opened.decoder();
        InputStream decoded = opened.decoded();
        CountingInputStream counted = new CountingInputStream(decoded);
        TarArchiveInputStream tar = new TarArchiveInputStream(counted, "UTF-8");
        String current = "(first entry)";
        long before = 0;
        long lastPadding = 0;
        try {
          while (true) {
            before = counted.count();
            TarArchiveEntry entry = tar.getNextEntry();
            if (entry == null) {
              break;
            }
            current = entry.getName();
            lastPadding = entry.isFile() ? padding(entry.getSize()) : 0;
            if (++entries > request.limits().maxEntries()) {
              throw AskBuildException.badInput(
                  request.archive()
                      + ": entry '"
                      + current
                      + "' crosses the limit of "
                      + request.limits().maxEntries()
                      + " entries");
            }
            handle(entry, tar);
          }
        } catch (AskBuildException e) {
          throw e;
        } catch (IOException | RuntimeException e) {
          // A host decoder that found the damage explains more than the garbage it wrote first.
          String why = ProcessRunner.filterFailure(decoded, 2000).orElse(StreamOpener.reason(e));
          throw AskBuildException.badInput(
              request.archive() + " is truncated or corrupt at entry '" + current + "': " + why, e);
        } finally {
          decoded.close(); // stops a host decoder that still has the archive's padding to write
        }
        // A tar ends with zero records; a stream that just stops after an entry was cut short.
        if (counted.count() - before < lastPadding + TAR_RECORD) {
          throw AskBuildException.badInput(
              request.archive() + " is truncated: it ends after entry '" + current
                  + "' without the end-of-archive marker");
        }
      }
      finishLinksAndDirectories();
      return new ExtractResult(
          target.toString(), format, entries, files, directories.size(), links.links().size(), hardlinks, bytes, skipped, decoder);
    }

    private static long padding(long size) {
      long rest = size % TAR_RECORD;
      return rest == 0 ? 0 : TAR_RECORD - rest;
    }

    private void handle(TarArchiveEntry entry, TarArchiveInputStream tar) throws IOException {
      String name = entry.getName();
      if (entry.isCharacterDevice() || entry.isBlockDevice()) {
        throw paths.reject(name, "is a device node");
      }
      if (entry.isFIFO()) {
        throw paths.reject(name, "is a FIFO");
      }
      Optional<String> relative = paths.relative(name);
      if (relative.isEmpty()) {
        skipped++;
        return;
      }
      Path path = root.resolve(relative.get());
      if (entry.isDirectory()) {
        makeDirectory(name, path);
        directories.add(new DirectoryFixup(path, entry.getMode(), mtime(entry)));
      } else if (entry.isSymbolicLink()) {
        makeSymlink(name, path, entry.getLinkName());
      } else if (entry.isLink()) {
        makeHardlink(name, path, entry.getLinkName());
      } else if (entry.isFile()) {
        writeFile(name, path, entry, tar);
      } else {
        throw paths.reject(name, "has an unsupported type '" + (char) entry.getLinkFlag() + "'");
      }
    }

    private void makeDirectory(String name, Path path) throws IOException {
      ensureParent(name, path);
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        throw paths.reject(name, "is a directory where the archive already put a file or link");
      }
      Files.createDirectory(path);
    }

    private void makeSymlink(String name, Path path, String linkTarget) throws IOException {
      ensureParent(name, path);
      if (!LinkTargets.staysInside(root, path, linkTarget)) {
        throw paths.reject(name, "is a symbolic link to '" + linkTarget + "', outside the target directory");
      }
      replaceNonDirectory(name, path);
      links.createLink(path, linkTarget);
      if (request.epoch().isPresent()) {
        setTimes(path, FileTime.fromMillis(request.epoch().getAsLong() * 1000));
      }
    }

    private void makeHardlink(String name, Path path, String linkTarget) throws IOException {
      Optional<String> existing;
      try {
        existing = paths.relative(linkTarget);
      } catch (AskBuildException e) {
        throw paths.reject(name, "is a hard link to '" + linkTarget + "', outside the target directory");
      }
      if (existing.isEmpty() || !regularFiles.contains(existing.get())) {
        throw paths.reject(
            name, "is a hard link to '" + linkTarget + "', which is not a file extracted before it");
      }
      Path source = root.resolve(existing.get());
      if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
        throw paths.reject(name, "is a hard link to '" + linkTarget + "', which is no longer a regular file");
      }
      ensureParent(name, path);
      replaceNonDirectory(name, path);
      Files.createLink(path, source);
      regularFiles.add(root.relativize(path).toString());
      hardlinks++;
    }

    private void writeFile(String name, Path path, TarArchiveEntry entry, InputStream tar)
        throws IOException {
      ensureParent(name, path);
      replaceNonDirectory(name, path);
      // CREATE_NEW fails rather than follow a link someone raced into place.
      try (OutputStream out =
          Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        int n;
        while ((n = tar.read(buffer)) > 0) {
          bytes += n;
          if (bytes > byteBudget) {
            throw AskBuildException.badInput(
                request.archive()
                    + ": entry '"
                    + name
                    + "' crosses "
                    + request.limits().describeBudget(archiveSize)
                    + " (a decompression bomb?)");
          }
          out.write(buffer, 0, n);
        }
      }
      Files.setPosixFilePermissions(path, permissions(entry.getMode()));
      setTimes(path, mtime(entry));
      regularFiles.add(root.relativize(path).toString());
      files++;
    }

    /** The entry's parent must exist as a real directory inside the root, links followed. */
    private void ensureParent(String name, Path path) throws IOException {
      Path parent = path.getParent();
      if (links.isVerified(parent)) {
        return;
      }
      try {
        Files.createDirectories(parent);
      } catch (FileAlreadyExistsException e) {
        throw paths.reject(name, "needs a directory where the archive put a file");
      }
      if (!links.noLinks() && !parent.toRealPath().startsWith(realRoot)) {
        throw paths.reject(name, "would be written through a link that leads outside the target directory");
      }
      links.markVerified(parent);
    }

    private void replaceNonDirectory(String name, Path path) throws IOException {
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        throw paths.reject(name, "would replace a directory the archive created");
      }
      links.deleteIfExists(path);
    }

    private void finishLinksAndDirectories() throws IOException {
      // Later entries can change what an earlier link resolves to, so judge links on the final tree.
      for (Path link : links.links()) {
        String linkTarget = Files.readSymbolicLink(link).toString();
        if (!LinkTargets.staysInside(root, link, linkTarget)) {
          throw AskBuildException.badInput(
              request.archive()
                  + ": entry '"
                  + root.relativize(link)
                  + "' is a symbolic link to '"
                  + linkTarget
                  + "', which leads outside the target directory once the archive is complete");
        }
      }
      // Deepest first, so a read-only parent is closed only after its children got their times.
      for (int i = directories.size() - 1; i >= 0; i--) {
        DirectoryFixup dir = directories.get(i);
        Files.setPosixFilePermissions(dir.path(), permissions(dir.mode() | 0700));
        setTimes(dir.path(), dir.mtime());
      }
      if (request.epoch().isPresent()) {
        // Directories the archive only implied were created now; pin their times too.
        FileTime epoch = FileTime.fromMillis(request.epoch().getAsLong() * 1000);
        try (var walk = Files.walk(root)) {
          for (Path p : (Iterable<Path>) walk::iterator) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
              setTimes(p, epoch);
            }
          }
        }
      }
    }

    private FileTime mtime(TarArchiveEntry entry) {
      if (request.epoch().isPresent()) {
        return FileTime.fromMillis(request.epoch().getAsLong() * 1000);
      }
      return FileTime.from(entry.getLastModifiedTime().toInstant());
    }

    private static void setTimes(Path path, FileTime time) throws IOException {
      try {
        Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
            .setTimes(time, time, null);
      } catch (NoSuchFileException e) {
        // A dangling link's own time cannot always be set; its content is what matters.
      }
    }

    /** Keeps rwx bits; setuid, setgid and sticky are dropped: nothing extracted runs privileged. */
    private static Set<PosixFilePermission> permissions(int mode) {
      Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
      PosixFilePermission[] order = {
        PosixFilePermission.OTHERS_EXECUTE,
        PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE,
        PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_READ
      };
      for (int bit = 0; bit < order.length; bit++) {
        if ((mode & (1 << bit)) != 0) {
          set.add(order[bit]);
        }
      }
      return set;
    }
  }

  private record DirectoryFixup(Path path, int mode, FileTime mtime) {}
}
