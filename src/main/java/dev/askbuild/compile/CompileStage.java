package dev.askbuild.compile;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.BuildEnvironment;
import dev.askbuild.core.Command;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.PatchApplier;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Messages;
import dev.askbuild.core.Progress;
import dev.askbuild.core.Sha256;
import dev.askbuild.core.TrustedFile;
import dev.askbuild.extract.ExtractRequest;
import dev.askbuild.extract.SafeExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The compile stage: unpacks the ASK tarball, puts the vendored tarballs where its build expected
 * downloads, checks what each component needs of the kernel tree, then runs the plan's make steps
 * offline (network shims first on PATH, proxies pointing nowhere) and stages the artifacts.
 */
public final class CompileStage {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(?::([^}]+))?}");
  private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w.])(/(?:usr|opt|lib|home|root)/[^\\s:\\\\]+)");

  private final ProcessRunner runner;
  private final Progress progress;

  public CompileStage(ProcessRunner runner, Progress progress) {
    this.runner = runner;
    this.progress = progress;
  }

  public CompileResult run(CompileRequest request) throws IOException {
    Messages messages = new Messages(progress);
    Path work = request.work().toAbsolutePath();
    Path tree = work.resolve("src/ask");
    Path shims = work.resolve("askbuild-shims");
    Path logs = Files.createDirectories(work.resolve("logs"));
    Path networkLog = logs.resolve("network-attempts.log");
    Path leakLog = logs.resolve("host-leaks.log");
    FileTrees.deleteRecursively(tree);
    Files.deleteIfExists(networkLog);
    Files.deleteIfExists(leakLog);
    Files.createDirectories(tree.getParent());
    // What the kernel tree lacks is known before anything is built: fail early, not deep in make.
    checkRequirements(request);
    extractTrusted(request.askTarball(), tree, request.epoch());
    OfflineShims.write(shims, request.toolchain().triple());

    String version = "tarball-" + request.askTarball().sha256().substring(0, 12);
    for (CompilePlan.Seed seed : request.plan().seeds()) {
      if (!request.plan().vendoredFor(request.components()).contains(seed.vendored())) {
        continue; // no selected component builds from it, so it was neither verified nor given
      }
      CompileRequest.VendoredSource source = vendored(request, seed.vendored(), "seed " + seed.path());
      Path dest = inside(tree, seed.path(), "seed");
      Files.createDirectories(dest.getParent());
      if (seed.unpack()) {
        FileTrees.deleteRecursively(dest);
        extractTrusted(source.tarball(), dest, request.epoch());
        new PatchApplier(runner).apply(source.patches(), dest, "vendored " + seed.vendored(), logs);
      } else {
        Files.copy(source.tarball().recheck(), dest, StandardCopyOption.REPLACE_EXISTING);
        source.tarball().recheck();
      }
    }
    if (request.plan().versionHeader().isPresent()) {
      CompilePlan.VersionHeader header = request.plan().versionHeader().get();
      Path dest = inside(tree, header.path(), "version header");
      Files.createDirectories(dest.getParent());
      Files.writeString(dest, header.content().replace("${VERSION}", version));
    }

    Map<String, String> env = environment(request, tree, shims, networkLog, leakLog);
    for (CompilePlan.Step step : request.plan().steps()) {
      if (!request.target().includes(step.phase()) || step.builds().stream().noneMatch(request.components()::contains)) {
        continue;
      }
      List<String> argv = new ArrayList<>(List.of("make", "-C", inside(tree, step.dir(), "step " + step.component()).toString(),
          "-j" + request.jobs()));
      argv.addAll(step.targets());
      for (Map.Entry<String, String> v : new TreeMap<>(step.variables()).entrySet()) {
        argv.add(v.getKey() + "=" + expand(v.getValue(), request, tree, step.component()));
      }
      messages.info("compile: " + step.component() + " (" + step.phase() + ")");
      Path log = logs.resolve("compile-" + step.component() + ".log");
      Map<String, String> stepEnv = new LinkedHashMap<>(env);
      step.env().forEach((k, v) -> stepEnv.put(k, expand(v, request, tree, step.component())));
      Command make = new Command(argv, tree, stepEnv);
      ProcessRunner.Result result = runner.run(make, log);
      // A refused fetch or a host path is the cause when make fails after one: report that first.
      failOnNetworkAttempt(networkLog, step);
      failOnHostLeak(leakLog, tree, request, step);
      if (!result.succeeded()) {
        throw ProcessRunner.failure(make, result, "building " + step.component());
      }
    }
    Map<String, String> artifacts = stage(request, tree, work.resolve("dist"));
    messages.info("compile: " + artifacts.size() + " artifact(s) in " + work.resolve("dist"));
    return new CompileResult(tree.toString(), work.resolve("dist").toString(), artifacts, messages.lines());
  }

  /** Unpacks a verified tarball without its top directory and VCS data, at the build's epoch. */
  private static void extractTrusted(TrustedFile tarball, Path into, long epoch) throws IOException {
    new SafeExtractor().extract(tarball,
        ExtractRequest.of(tarball.file(), into).withStripComponents(1).withDropVcs(true).withEpoch(epoch));
  }

  private static CompileRequest.VendoredSource vendored(CompileRequest request, String name, String where) {
    CompileRequest.VendoredSource source = request.vendored().get(name);
    if (source == null) {
      throw AskBuildException.badInput(where + " needs vendored tarball '" + name + "', which the board does not provide");
    }
    return source;
  }

  private static Path inside(Path tree, String relative, String what) {
    Path p = tree.resolve(relative).normalize();
    if (!p.startsWith(tree)) {
      throw AskBuildException.badInput(what + " path '" + relative + "' leaves the source tree");
    }
    return p;
  }

  /**
   * Every requirement of the components this target builds, checked against the kernel tree; all
   * unmet ones are reported together (exit 2), each naming its component and the missing part.
   */
  private static void checkRequirements(CompileRequest request) throws IOException {
    List<CompilePlan.Requirement> needed = request.plan().requirementsOf(request.components());
    if (needed.isEmpty()) {
      return;
    }
    Path kernel = request.kernelDir().orElseThrow(() -> AskBuildException.badInput(
        "the " + request.target().label() + " target needs a prepared kernel tree (run the kernel stage first)"));
    if (!Files.isDirectory(kernel)) {
      throw AskBuildException.badInput("kernel tree " + kernel + " does not exist");
    }
    KernelRequirements.requireBuilt(needed, kernel, request.plan().symversOrder(request.components()));
  }

  private Map<String, String> environment(
      CompileRequest request, Path tree, Path shims, Path networkLog, Path leakLog) {
    Map<String, String> env = new LinkedHashMap<>(BuildEnvironment.reproducible(request.epoch()));
    env.put("PATH", shims + ":" + runner.environment().getOrDefault("PATH", "/usr/bin:/bin"));
    // Anything that ignores the shims still finds no way out.
    for (String proxy : List.of("http_proxy", "https_proxy", "ftp_proxy", "all_proxy",
        "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "ALL_PROXY")) {
      env.put(proxy, "http://127.0.0.1:9");
    }
    env.put("no_proxy", null);
    env.put("NO_PROXY", null);
    env.put("GIT_ALLOW_PROTOCOL", "file");
    env.put("PKG_CONFIG_SYSROOT_DIR", request.sysroot().toString());
    env.put("PKG_CONFIG_LIBDIR", request.sysroot().resolve("usr/lib").resolve(request.toolchain().triple()).resolve("pkgconfig")
        + ":" + request.sysroot().resolve("usr/share/pkgconfig"));
    env.put("PKG_CONFIG_PATH", null);
    env.put(OfflineShims.NETWORK_LOG, networkLog.toString());
    env.put(OfflineShims.LEAK_LOG, leakLog.toString());
    env.put(OfflineShims.ALLOWED_ROOTS, String.join(" ", allowedRoots(request, tree)));
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

  private String expand(String value, CompileRequest request, Path tree, String component) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String sysrootCc = "--sysroot=" + request.sysroot();
      String replacement = switch (m.group(1)) {
        case "KDIR" -> request.kernelDir().orElseThrow(() -> AskBuildException.badInput(
            "step " + component + " uses ${KDIR}, but the " + request.target().label() + " target has no kernel tree"))
            .toAbsolutePath().toString();
        case "SYSROOT" -> request.sysroot().toString();
        case "TREE" -> tree.toString();
        case "ARCH" -> request.toolchain().arch();
        case "CROSS_COMPILE" -> request.toolchain().crossCompile();
        case "TRIPLE" -> request.toolchain().triple();
        case "PLATFORM" -> request.platform();
        case "CC" -> request.toolchain().triple() + "-gcc " + sysrootCc;
        case "CXX" -> request.toolchain().triple() + "-g++ " + sysrootCc;
        case "AR" -> request.toolchain().triple() + "-ar";
        case "JOBS" -> Integer.toString(request.jobs());
        case "DEFINES" -> String.join(" ", request.plan().defines().stream().map(d -> "-D" + d).toList());
        case "VENDORED" -> vendored(request, String.valueOf(m.group(2)), "step " + component).tarball().path();
        default -> throw AskBuildException.badInput(
            "step " + component + ": unknown variable ${" + m.group(1) + "} in '" + value + "'");
      };
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static void failOnNetworkAttempt(Path networkLog, CompilePlan.Step step) throws IOException {
    if (Files.exists(networkLog) && Files.size(networkLog) > 0) {
      throw AskBuildException.checkFailed(
          "offline build: " + step.component() + " tried to reach the network with: "
              + Files.readAllLines(networkLog).get(0) + " (vendor the input and seed it in the board's compile plan)");
    }
  }

  /** Leaks the compiler wrapper saw, then host paths in the dependency files compilers wrote. */
  private static void failOnHostLeak(Path leakLog, Path tree, CompileRequest request, CompilePlan.Step step)
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

  /** Copies exactly the artifacts of the components this target built into dist, with their hashes. */
  private static Map<String, String> stage(CompileRequest request, Path tree, Path dist) throws IOException {
    FileTrees.deleteRecursively(dist);
    Files.createDirectories(dist);
    Map<String, String> hashes = new TreeMap<>();
    for (CompilePlan.Artifact artifact : request.plan().artifacts()) {
      if (!request.components().contains(artifact.component())) {
        continue;
      }
      Path built = inside(tree, artifact.path(), "artifact");
      if (!Files.isRegularFile(built)) {
        throw AskBuildException.checkFailed(
            "component " + artifact.component() + " did not produce " + artifact.path());
      }
      Path dest = dist.resolve(artifact.name());
      Files.copy(built, dest, StandardCopyOption.REPLACE_EXISTING);
      Files.setLastModifiedTime(dest, java.nio.file.attribute.FileTime.fromMillis(request.epoch() * 1000));
      hashes.put(artifact.name(), Sha256.ofFile(dest));
    }
    return hashes;
  }
}
