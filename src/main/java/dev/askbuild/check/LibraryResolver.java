package dev.askbuild.check;

import dev.askbuild.core.Libc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a {@code DT_NEEDED} library the way ld.so does: DT_RPATH (only without DT_RUNPATH), then
 * DT_RUNPATH, then the multiarch and default directories (musl's loader: its default ones only); each directory is looked up in dist (the
 * image overlay) and then in the sysroot. Libraries shipped beside the artifact in dist are found
 * last. A candidate of the wrong class or machine is skipped, as ld.so skips it.
 */
final class LibraryResolver {
  private final Path dist;
  private final Path sysroot;
  private final CheckTarget target;
  private final Map<Path, Boolean> compatible = new ConcurrentHashMap<>();

  LibraryResolver(Path dist, Path sysroot, CheckTarget target) {
    this.dist = dist;
    this.sysroot = sysroot;
    this.target = target;
  }

  /** Where {@code needed} resolves for an artifact at {@code artifactDir} (relative to dist). */
  Optional<String> resolve(String needed, String artifactDir, DynamicInfo dynamic) {
    for (String dir : searchDirs(artifactDir, dynamic)) {
      String candidate = (dir.endsWith("/") ? dir : dir + "/") + needed;
      if (needed.contains("/")) {
        candidate = needed.startsWith("/") ? needed : "/" + artifactDir + "/" + needed;
      }
      Optional<Path> inDist = RootedPath.resolve(dist, candidate).filter(this::fits);
      if (inDist.isPresent()) {
        return Optional.of("dist:" + candidate);
      }
      Optional<Path> inSysroot = RootedPath.resolve(sysroot, candidate).filter(this::fits);
      if (inSysroot.isPresent()) {
        return Optional.of("sysroot:" + candidate);
      }
    }
    return Optional.empty();
  }

  List<String> searchDirs(String artifactDir, DynamicInfo dynamic) {
    String origin = "/" + artifactDir;
    List<String> dirs = new ArrayList<>();
    if (dynamic.runpath().isEmpty()) {
      dynamic.rpath().ifPresent(r -> addPath(dirs, r, origin));
    }
    dynamic.runpath().ifPresent(r -> addPath(dirs, r, origin));
    if (target.libc() == Libc.MUSL) {
      // musl's loader without an /etc/ld-musl-*.path: its built-in path, no multiarch directories.
      dirs.add("/lib");
      dirs.add("/usr/local/lib");
      dirs.add("/usr/lib");
    } else {
      String multiarch = target.triple();
      dirs.add("/lib/" + multiarch);
      dirs.add("/usr/lib/" + multiarch);
      dirs.add("/lib");
      dirs.add("/usr/lib");
    }
    dirs.add(origin);
    dirs.add("/");
    return dirs;
  }

  private static void addPath(List<String> dirs, String path, String origin) {
    for (String entry : path.split(":")) {
      if (entry.isEmpty()) {
        continue;
      }
      String expanded = entry.replace("${ORIGIN}", origin).replace("$ORIGIN", origin);
      if (expanded.startsWith("/")) {
        dirs.add(expanded);
      }
    }
  }

  private boolean fits(Path file) {
    return compatible.computeIfAbsent(file, this::readFits);
  }

  private boolean readFits(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(20);
      if (head.length < 20 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
        // A linker script such as libc.so is not loadable; ld.so would not pick it either.
        return false;
      }
      ByteBuffer b = ByteBuffer.wrap(head).order(head[5] == Elf.ELFDATA2MSB ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
      return head[4] == target.elfClass() && (b.getShort(18) & 0xffff) == target.machine();
    } catch (IOException e) {
      return false;
    }
  }
}
