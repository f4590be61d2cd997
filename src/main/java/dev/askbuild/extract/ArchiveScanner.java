package dev.askbuild.extract;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExecutablePath;
import dev.askbuild.core.ProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a tar archive by streaming it, writing nothing: what a stage needs to know about a tarball
 * (its kernel version, what it holds) before anything long runs. {@link SafeExtractor} is the one
 * that writes.
 */
public final class ArchiveScanner {
  private final StreamOpener opener;

  /** Uses the host's xz and bzip2 when they are on PATH (with a bare environment). */
  public ArchiveScanner() {
    this(new ProcessRunner(Map.of("PATH", ExecutablePath.current(), "LC_ALL", "C")), true);
  }

  /** {@code hostDecoders} false: only the Java decoders, whatever the host has. */
  public ArchiveScanner(ProcessRunner runner, boolean hostDecoders) {
    this.opener = new StreamOpener(runner, hostDecoders);
  }

  /**
   * The text of one regular file in a tar archive ({@code name} after dropping {@code
   * stripComponents} leading directories), read by streaming up to it: nothing is written, so a
   * board's kernel tarball can be told apart in seconds, before anything long runs. Empty when the
   * archive has no such file; a file over {@code maxBytes} is exit 2.
   */
  public Optional<String> readText(Path archive, int stripComponents, String name, int maxBytes) throws IOException {
    String[] found = {null};
    scan(archive, stripComponents, (path, file, size, content) -> {
      if (!file || !path.equals(name)) {
        return true;
      }
      if (size > maxBytes) {
        throw AskBuildException.badInput(archive + ": " + name + " is larger than " + maxBytes + " bytes");
      }
      found[0] = new String(content.readNBytes((int) size), java.nio.charset.StandardCharsets.UTF_8);
      return false;
    });
    return Optional.ofNullable(found[0]);
  }

  /**
   * What a streamed archive entry is, for {@link #scan}: its path with the leading directories
   * dropped, whether it is a regular file, its size, and (for a file) its bytes, readable once.
   * Returning false stops the scan.
   */
  @FunctionalInterface
  public interface EntryVisitor {
    boolean visit(String path, boolean regularFile, long size, InputStream content) throws IOException;
  }

  /**
   * Streams every entry of a tar archive to {@code visitor} without writing anything: entries with
   * no more than {@code stripComponents} components are left out. The visitor decides what to read;
   * a corrupt or cut-off archive is exit 2 naming it.
   */
  public void scan(Path archive, int stripComponents, EntryVisitor visitor) throws IOException {
    // Closing the opened archive stops a host decoder that still has the rest of it.
    try (StreamOpener.Opened opened = opener.open(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(opened.decoded(), "UTF-8")) {
      EntryPaths names = new EntryPaths(archive, 0, false);
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        requireSafe(names, entry);
        String[] parts = entry.getName().split("/");
        if (parts.length <= stripComponents) {
          continue;
        }
        String stripped = String.join("/", java.util.Arrays.copyOfRange(parts, stripComponents, parts.length));
        if (!visitor.visit(stripped, entry.isFile(), entry.getSize(), tar)) {
          return;
        }
      }
    } catch (AskBuildException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw AskBuildException.badInput(archive + " is truncated or corrupt: " + StreamOpener.reason(e), e);
    }
  }

  /**
   * Extraction's rules that need no disk, for a scan: the entry's name stays inside (not absolute,
   * no NUL, no {@code ..}), it is no device node or FIFO, and a link's target does not climb out
   * by its own text. A chain of links that escapes only through another link is found when the
   * archive is extracted (it is refused there); a scan writes nothing to follow it on.
   */
  private static void requireSafe(EntryPaths names, TarArchiveEntry entry) {
    String name = entry.getName();
    if (entry.isCharacterDevice() || entry.isBlockDevice()) {
      throw names.reject(name, "is a device node");
    }
    if (entry.isFIFO()) {
      throw names.reject(name, "is a FIFO");
    }
    names.relative(name);
    if (entry.isSymbolicLink() || entry.isLink()) {
      String target = entry.getLinkName();
      // A hard link's target is an entry name; a symbolic link's is read from the link's directory.
      String from = entry.isLink() ? "" : name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
      if (target.startsWith("/") || climbsOut(from, target)) {
        throw names.reject(name, "is a " + (entry.isLink() ? "hard" : "symbolic") + " link to '" + target
            + "', outside the target directory");
      }
    }
  }

  private static boolean climbsOut(String dir, String target) {
    int depth = 0;
    for (String part : (dir + "/" + target).split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      depth += part.equals("..") ? -1 : 1;
      if (depth < 0) {
        return true;
      }
    }
    return false;
  }
}
