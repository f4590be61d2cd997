package dev.askbuild.kernel;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExecutablePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks, before anything is extracted, that the host has what a kernel build needs, and names the
 * Debian package for each missing piece so the fix is one apt-get line.
 */
final class HostTools {
  private final String path;
  private final List<Path> includeDirs;

  HostTools(String path, List<Path> includeDirs) {
    this.path = path == null ? "" : path;
    this.includeDirs = List.copyOf(includeDirs);
  }

  static HostTools ofHost(Map<String, String> env) {
    List<Path> include = new ArrayList<>();
    include.add(Path.of("/usr/include"));
    // Debian puts some headers under the multiarch directory.
    include.add(Path.of("/usr/include/x86_64-linux-gnu"));
    include.add(Path.of("/usr/include/aarch64-linux-gnu"));
    return new HostTools(env.get("PATH"), include);
  }

  /** Fails with exit 3 listing every missing tool and its package, in a stable order. */
  void require(String crossCompile) {
    List<String> missing = new ArrayList<>();
    program(crossCompile + "gcc", crossPackage(crossCompile), missing);
    program("gcc", "gcc", missing);
    program("make", "make", missing);
    program("patch", "patch", missing);
    program("perl", "perl", missing);
    program("flex", "flex", missing);
    program("bison", "bison", missing);
    program("bc", "bc", missing);
    header("libelf.h", "libelf-dev", missing);
    header("openssl/opensslv.h", "libssl-dev", missing);
    if (!missing.isEmpty()) {
      throw AskBuildException.environment(
          "the kernel build needs tools this host lacks:\n  "
              + String.join("\n  ", missing)
              + "\ninstall them with: apt-get install "
              + String.join(" ", missing.stream().map(m -> m.substring(m.lastIndexOf(' ') + 1)).distinct().toList()));
    }
  }

  private static String crossPackage(String crossCompile) {
    String triple = crossCompile.endsWith("-") ? crossCompile.substring(0, crossCompile.length() - 1) : crossCompile;
    return "gcc-" + triple;
  }

  private void program(String name, String pkg, List<String> missing) {
    if (ExecutablePath.find(path, name).isPresent()) {
      return;
    }
    missing.add(name + " (not on PATH) - Debian package " + pkg);
  }

  private void header(String name, String pkg, List<String> missing) {
    for (Path dir : includeDirs) {
      if (Files.isRegularFile(dir.resolve(name))) {
        return;
      }
    }
    missing.add(name + " (not in " + includeDirs.get(0) + ") - Debian package " + pkg);
  }
}
