package dev.askbuild.compile;

import dev.askbuild.core.Heartbeat;
import dev.askbuild.core.AskBuildException;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compile stage: unpacks the ASK tarball, puts the vendored tarballs where its build expected
 * downloads, checks what each component needs of the kernel tree, then runs the plan's make steps
 * offline (network shims first on PATH, proxies pointing nowhere) and stages the artifacts.
 */
public final class CompileStage {

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

    Map<String, String> env = OfflineGuards.environment(request, tree, shims, networkLog, leakLog,
        runner.environment().getOrDefault("PATH", "/usr/bin:/bin"));
    for (CompilePlan.Step step : request.plan().steps()) {
      if (!request.target().includes(step.phase()) || step.builds().stream().noneMatch(request.components()::contains)) {
        continue;
      }
      List<String> argv = new ArrayList<>(List.of("make", "-C", inside(tree, step.dir(), "step " + step.component()).toString(),
          "-j" + request.jobs()));
      argv.addAll(step.targets());
      for (Map.Entry<String, String> v : new TreeMap<>(step.variables()).entrySet()) {
        argv.add(v.getKey() + "=" + StepVariables.expand(v.getValue(), request, tree, step.component()));
      }
      messages.info("compile: " + step.component() + " (" + step.phase() + ")");
      Path log = logs.resolve("compile-" + step.component() + ".log");
      Map<String, String> stepEnv = new LinkedHashMap<>(env);
      step.env().forEach((k, v) -> stepEnv.put(k, StepVariables.expand(v, request, tree, step.component())));
      if (step.phase().equals("userspace")) {
        // Userspace is built against the board's libc; modules never see these flags.
        stepEnv.put(OfflineShims.LIBC_FLAGS, String.join(" ", request.toolchain().libc().compilerFlags(request.sysroot())));
      }
      Command make = new Command(argv, tree, stepEnv);
      ProcessRunner.Result result;
      try (Heartbeat beat = Heartbeat.start(messages, "compile: " + step.component() + " (" + step.phase() + ")", () -> "")) {
        result = runner.run(make, log);
      }
      // A refused fetch or a host path is the cause when make fails after one: report that first.
      OfflineGuards.failOnNetworkAttempt(networkLog, step);
      OfflineGuards.failOnHostLeak(leakLog, tree, request, step);
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

  static CompileRequest.VendoredSource vendored(CompileRequest request, String name, String where) {
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
