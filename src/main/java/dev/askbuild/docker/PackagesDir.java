package dev.askbuild.docker;

import dev.askbuild.core.FileTrees;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One packages directory for a build that cannot read files in place: inside a container only the
 * context is there, so inputs a native run reads from elsewhere (the demo board's kernel tarball in
 * /usr/src) are gathered beside the others, as hard links where the file system allows.
 */
public final class PackagesDir {
  private PackagesDir() {}

  /** {@code target} (replaced) holding the regular files of {@code packages} and the {@code elsewhere} files by name. */
  public static Path gather(Path packages, Map<String, Path> elsewhere, Path target) throws IOException {
    FileTrees.deleteRecursively(target);
    Files.createDirectories(target);
    try (Stream<Path> list = Files.list(packages)) {
      for (Path p : list.filter(Files::isRegularFile).toList()) {
        linkOrCopy(p, target.resolve(p.getFileName()));
      }
    }
    for (var e : elsewhere.entrySet()) {
      linkOrCopy(e.getValue(), target.resolve(e.getKey()));
    }
    return target;
  }

  static void linkOrCopy(Path source, Path target) throws IOException {
    try {
      Files.createLink(target, source);
    } catch (FileSystemException | UnsupportedOperationException e) {
      Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }
}
