package dev.askbuild.sysroot;

import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Takes the staging directory's absolute path out of a staged sysroot before it is published.
 *
 * <p>A vendored library is installed with {@code DESTDIR=STAGING}, and whatever its configure
 * learned through the sysroot comes back with STAGING in it: libnetfilter_conntrack's {@code
 * Libs.private} and its {@code .la}'s {@code dependency_libs} hold {@code -LSTAGING/usr/lib/TRIPLE},
 * as pkg-config (with {@code PKG_CONFIG_SYSROOT_DIR}) answered configure for libnfnetlink. STAGING is a
 * random sibling of the cache entry that is gone once the entry is published, so those files made two
 * builds of one key differ and sent {@code pkg-config --static} links to a directory that does not
 * exist. Paths in a sysroot are written as the target sees them, each file type in its own tools'
 * convention:
 *
 * <ul>
 *   <li>{@code .pc}: STAGING removed ({@code -L/usr/lib/TRIPLE}); pkg-config puts {@code
 *       PKG_CONFIG_SYSROOT_DIR} in front of every {@code -I}/{@code -L} it prints, as it does for the
 *       {@code ${libdir}} of the same file.
 *   <li>{@code .la}: STAGING replaced by {@code =} ({@code -L=/usr/lib/TRIPLE}), what libtool itself
 *       writes when told the sysroot (ltmain.sh {@code func_replace_sysroot}); libtool and GNU ld read
 *       {@code =} as "inside the sysroot".
 *   <li>any other text file (a {@code foo-config} script, a CMake file): STAGING removed, as for
 *       {@code .pc}.
 *   <li>a symbolic link into STAGING: made relative.
 * </ul>
 *
 * A binary file (one with a NUL byte) naming STAGING cannot be rewritten safely; the stage fails
 * naming every such file rather than publish a sysroot that depends on where it was built.
 */
final class StagingPaths {
  private StagingPaths() {}

  /** Rewrites STAGING out of every file under {@code staging}; returns the files it rewrote. */
  static List<Path> rewrite(Path staging) throws IOException {
    String prefix = staging.toAbsolutePath().normalize().toString();
    List<Path> rewritten = new ArrayList<>();
    List<String> binaries = new ArrayList<>();
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(staging)) {
      entries = walk.sorted().toList();
    }
    for (Path p : entries) {
      if (Files.isSymbolicLink(p)) {
        String target = Files.readSymbolicLink(p).toString();
        if (target.startsWith(prefix + "/")) {
          Files.delete(p);
          Files.createSymbolicLink(p, p.getParent().relativize(Path.of(target)));
          rewritten.add(p);
        }
        continue;
      }
      if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      // ISO-8859-1 maps every byte to one char and back, so untouched bytes stay as they were.
      String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
      if (!text.contains(prefix)) {
        continue;
      }
      if (text.indexOf('\0') >= 0) {
        binaries.add(staging.relativize(p).toString());
        continue;
      }
      String name = p.getFileName().toString();
      String replacement = name.endsWith(".la") ? "=" : "";
      Files.write(p, text.replace(prefix, replacement).getBytes(StandardCharsets.ISO_8859_1));
      rewritten.add(p);
    }
    if (!binaries.isEmpty()) {
      throw AskBuildException.checkFailed(
          "the sysroot's binary files name the directory they were built in (" + prefix + "), which"
              + " is not where the sysroot is published: " + String.join(", ", binaries));
    }
    return rewritten;
  }
}
