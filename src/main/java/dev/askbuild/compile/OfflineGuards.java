package dev.askbuild.compile;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.BuildEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What keeps a compile offline and free of the build host: the make steps' environment (shims
 * first, proxies pointing nowhere, pkg-config inside the sysroot), and after each step the check
 * that nothing tried the network or leaked a host path into a target compile.
 */
final class OfflineGuards {
  private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w.])(/(?:usr|opt|lib|home|root)/[^\\s:\\\\]+)");

  private OfflineGuards() {}

  /** The environment of every make step: reproducible, offline, with the shims first on {@code path}. */
  static Map<String, String> environment(
      CompileRequest request, Path tree, Path shims, Path networkLog, Path leakLog, String path) {
    Map<String, String> env = new LinkedHashMap<>(BuildEnvironment.reproducible(request.epoch()));
    env.put("PATH", shims + ":" + path);
    // Anything that ignores the shims still finds no way out.
    for (String proxy : List.of("http_proxy", "https_proxy", "ftp_proxy", "all_proxy",
        "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "ALL_PROXY")) {
      env.put(proxy, "http://127.0.0.1:9");
    }
    env.put("no_proxy", null);
    env.put("NO_PROXY", null);
    env.put("GIT_ALLOW_PROTOCOL", "file");
    env.put("PKG_CONFIG_SYSROOT_DIR", request.sysroot().toString());
    env.put("PKG_CONFIG_LIBDIR", request.sysroot().resolve(request.toolchain().libc().libDir(request.toolchain())).resolve("pkgconfig")
        + ":" + request.sysroot().resolve("usr/share/pkgconfig"));
    env.put("PKG_CONFIG_PATH", null);
    env.put(OfflineShims.NETWORK_LOG, networkLog.toString());
    env.put(OfflineShims.LEAK_LOG, leakLog.toString());
    env.put(OfflineShims.ALLOWED_ROOTS, String.join(" ", allowedRoots(request, tree)));
    env.put(OfflineShims.CCACHE, "");
    request.compilerCache().executable(path).ifPresent(ccache -> {
      env.putAll(request.compilerCache().env());
      env.put(OfflineShims.CCACHE, ccache.toString());
    });
    env.put(OfflineShims.PREFIX_MAPS, String.join(" ", PrefixMaps.of(request.work().toAbsolutePath(), tree,
        request.sysroot(), request.kernelDir().map(Path::toAbsolutePath)).options()));
    return env;
  }

  private static List<String> allowedRoots(CompileRequest request, Path tree) {
    List<String> roots = new ArrayList<>(List.of(tree.toString(), request.work().toAbsolutePath().toString(),
        request.sysroot().toString(), "/usr/lib/gcc-cross", "/usr/lib/gcc/" + request.toolchain().triple()));
    request.kernelDir().ifPresent(k -> roots.add(k.toAbsolutePath().toString()));
    return roots;
  }

  static void failOnNetworkAttempt(Path networkLog, CompilePlan.Step step) throws IOException {
    if (Files.exists(networkLog) && Files.size(networkLog) > 0) {
      throw AskBuildException.checkFailed(
          "offline build: " + step.component() + " tried to reach the network with: "
              + Files.readAllLines(networkLog).get(0) + " (vendor the input and seed it in the board's compile plan)");
    }
  }

  /** Leaks the compiler wrapper saw, then host paths in the dependency files compilers wrote. */
  static void failOnHostLeak(Path leakLog, Path tree, CompileRequest request, CompilePlan.Step step)
      throws IOException {
    if (Files.exists(leakLog) && Files.size(leakLog) > 0) {
      throw AskBuildException.checkFailed(
          "host path in a target compile of " + step.component() + ": " + Files.readAllLines(leakLog).get(0));
    }
    List<String> allowed = allowedRoots(request, tree);
    try (Stream<Path> walk = Files.walk(tree)) {
      for (Path dep : walk.filter(p -> p.getFileName().toString().endsWith(".d")).sorted().toList()) {
        Matcher m = ABSOLUTE_PATH.matcher(Files.readString(dep, StandardCharsets.ISO_8859_1));
        while (m.find()) {
          String path = m.group(1);
          if (allowed.stream().noneMatch(root -> path.equals(root) || path.startsWith(root + "/"))) {
            throw AskBuildException.checkFailed(
                "host path in a target compile of " + step.component() + ": " + tree.relativize(dep) + " depends on " + path);
          }
        }
      }
    }
  }
}
