package dev.askbuild.cache;

import dev.askbuild.core.ExecutablePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Debian's {@code ccache}, shared by the kernel, sysroot and compile stages under {@code
 * <cache>/ccache}. Its settings are all set here and the host's are never read ({@code
 * CCACHE_CONFIGPATH} points into the cache, so {@code /etc/ccache.conf} is skipped; the build
 * environment drops any {@code CCACHE_*} an agent exports). What keeps a hit exact:
 *
 * <ul>
 *   <li>ccache's own hash of the compiler, every argument and the preprocessed input (or, in direct
 *       mode, the source and every header it read);
 *   <li>{@code compiler_check=content}: the compiler is identified by its bytes, not its mtime, so an
 *       agent whose package was installed at another time still hits and a rebuilt compiler misses;
 *   <li>no {@code base_dir}: ccache would rewrite absolute paths to relative ones before running the
 *       compiler, which changes {@code __FILE__} and what {@code -ffile-prefix-map} sees, so a build
 *       with ccache could differ from one without. Paths are hashed as given; a tree at another path
 *       misses instead (the kernel builds in tree with relative paths, so it still hits);
 *   <li>{@code hash_dir} left on and no sloppiness: with {@code -g} the working directory is part of
 *       the hash, and {@code __DATE__}/{@code __TIME__} or a changed header always miss.
 * </ul>
 *
 * The size bound is ccache's {@code max_size}; it evicts the least recently used results itself.
 *
 * @param dir where the results live; several agents may share it (ccache locks its own files)
 * @param maxSize ccache's size notation, {@code 5G} by default
 * @param enabled false: compilers run directly
 */
public record CompilerCache(Path dir, String maxSize, boolean enabled) {
  public static final String DEFAULT_MAX_SIZE = "5G";
  /** The cross compilers a stage may call by name; each gets a link to ccache. */
  static final List<String> COMPILERS = List.of("gcc", "g++", "cc", "c++");

  /** The compiler cache of a stage cache: {@code <cache>/ccache}, bounded to 5 GB. */
  public static CompilerCache in(Path stageCache) {
    return new CompilerCache(stageCache.toAbsolutePath().resolve("ccache"), DEFAULT_MAX_SIZE, true);
  }

  public static CompilerCache off() {
    return new CompilerCache(Path.of("/nonexistent"), DEFAULT_MAX_SIZE, false);
  }

  public CompilerCache withMaxSize(String size) {
    return new CompilerCache(dir, size, enabled);
  }

  /** Where ccache is on {@code path}, when this cache is on and Debian's package is installed. */
  public Optional<Path> executable(String path) {
    return enabled ? ExecutablePath.find(path, "ccache") : Optional.empty();
  }

  /** The variables every compiler run through this cache sees. */
  public Map<String, String> env() {
    Map<String, String> env = new TreeMap<>();
    env.put("CCACHE_DIR", dir.toString());
    env.put("CCACHE_CONFIGPATH", dir.resolve("ccache.conf").toString());
    env.put("CCACHE_MAXSIZE", maxSize);
    env.put("CCACHE_COMPILERCHECK", "content");
    env.put("CCACHE_NOHASHDIR", null);
    env.put("CCACHE_BASEDIR", null);
    env.put("CCACHE_SLOPPINESS", null);
    env.put("CCACHE_DISABLE", null);
    env.put("CCACHE_RECACHE", null);
    return env;
  }

  /**
   * A directory of links named {@code <crossCompile>gcc} (and g++, cc, c++) to ccache, to put first
   * on PATH: ccache, called by a compiler's name, runs the next compiler of that name on PATH through
   * the cache, so make, configure and kbuild need no change of their own. Empty when the cache is
   * off or ccache is not installed (the build then runs its compilers directly).
   */
  public Optional<Path> masquerade(Path into, String crossCompile, String path) throws IOException {
    Optional<Path> ccache = executable(path);
    if (ccache.isEmpty()) {
      return Optional.empty();
    }
    Files.createDirectories(dir);
    Files.createDirectories(into);
    for (String compiler : COMPILERS) {
      Path link = into.resolve(crossCompile + compiler);
      if (ExecutablePath.find(path, crossCompile + compiler, Optional.of(into)).isEmpty()) {
        continue; // a compiler the host does not have stays missing, with the build's own message
      }
      if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(link);
      }
      Files.createSymbolicLink(link, ccache.get());
    }
    return Optional.of(into.toAbsolutePath());
  }

  /** PATH with the masquerade directory first. */
  public static String pathWith(Path masquerade, String path) {
    return masquerade + ":" + path;
  }
}
