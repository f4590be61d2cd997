package dev.askbuild.compile;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExecutablePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A directory put first on PATH for the build: {@code wget}, {@code curl} and the network
 * subcommands of {@code git} record the attempt and fail; the cross compiler is wrapped so every
 * target compile gets prefix maps for reproducibility and any include or library path outside the
 * allowed roots is recorded as a host leak. With the compiler cache on, the wrapper runs the compiler
 * through ccache (after the prefix maps are added, so they are part of what ccache hashes).
 */
final class OfflineShims {
  static final String NETWORK_LOG = "ASKBUILD_NETWORK_LOG";
  static final String LEAK_LOG = "ASKBUILD_LEAK_LOG";
  static final String ALLOWED_ROOTS = "ASKBUILD_ALLOWED_ROOTS";
  static final String PREFIX_MAPS = "ASKBUILD_PREFIX_MAPS";
  /**
   * What a userspace step's compiles add for the target's libc (musl's sysroot and specs), also for
   * Makefiles that call {@code $(CROSS_COMPILE)gcc} rather than {@code $(CC)}; unset for modules.
   */
  static final String LIBC_FLAGS = "ASKBUILD_LIBC_FLAGS";
  /** ccache's path when the compiles run through the compiler cache, else empty. */
  static final String CCACHE = "ASKBUILD_CCACHE";

  private static final String REFUSE =
      """
      #!/bin/sh
      # ask-build offline shim: this build may not reach the network.
      echo "$(basename "$0") $*" >> "$%s"
      echo "error: offline build: refused network command: $(basename "$0") $*" >&2
      exit 1
      """;

  private static final String GIT =
      """
      #!/bin/sh
      # ask-build offline shim: local git works, anything that talks to a remote does not.
      for a in "$@"; do
        case "$a" in
          clone|fetch|pull|push|ls-remote|submodule|remote)
            echo "git $*" >> "$%s"
            echo "error: offline build: refused network command: git $*" >&2
            exit 1 ;;
          -*) ;;
          *) break ;;
        esac
      done
      exec %s "$@"
      """;

  private static final String CC =
      """
      #!/bin/sh
      # ask-build compiler wrapper: host include or library paths in a target compile are leaks.
      check() {
        case "$1" in /*) ;; *) return ;; esac
        for root in $%s; do
          case "$1" in "$root"|"$root"/*) return ;; esac
        done
        echo "$PWD: $2" >> "$%s"
      }
      prev=
      for a in "$@"; do
        case "$prev" in
          -I|-L|-isystem|-idirafter|-iquote) check "$a" "$prev $a" ;;
        esac
        case "$a" in
          -I?*) check "${a#-I}" "$a" ;;
          -L?*) check "${a#-L}" "$a" ;;
        esac
        prev="$a"
      done
      exec $%s %s $%s $%s "$@"
      """;

  private OfflineShims() {}

  /** Writes the shims into {@code dir}; the real git and compilers are found on the host now. */
  static void write(Path dir, String triple) throws IOException {
    Files.createDirectories(dir);
    for (String tool : List.of("wget", "curl", "apt-get", "scp", "ssh")) {
      script(dir.resolve(tool), REFUSE.formatted(NETWORK_LOG));
    }
    String realGit = realTool("git", dir);
    script(dir.resolve("git"), GIT.formatted(NETWORK_LOG, realGit == null ? "false" : realGit));
    for (String compiler : List.of("gcc", "g++")) {
      String name = triple + "-" + compiler;
      String real = realTool(name, dir);
      if (real == null) {
        throw AskBuildException.environment(
            name + " is not installed: apt-get install " + compiler.replace("++", "++") + "-" + triple);
      }
      script(dir.resolve(name), CC.formatted(ALLOWED_ROOTS, LEAK_LOG, CCACHE, real, PREFIX_MAPS, LIBC_FLAGS));
    }
  }

  /** The host's own tool, never a shim of ours that an earlier run left on PATH. */
  private static String realTool(String name, Path shimDir) {
    return ExecutablePath.find(ExecutablePath.current(), name, java.util.Optional.of(shimDir))
        .map(Path::toString)
        .orElse(null);
  }


  private static void script(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
