package dev.askbuild.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.askbuild.board.BoardProfile;
import dev.askbuild.board.Boards;
import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckRequest;
import dev.askbuild.check.CheckResult;
import dev.askbuild.check.CheckTarget;
import dev.askbuild.check.Checker;
import dev.askbuild.compile.CompilePlans;
import dev.askbuild.compile.CompileRequest;
import dev.askbuild.compile.CompileResult;
import dev.askbuild.compile.CompileStage;
import dev.askbuild.compile.Target;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.extract.ExtractRequest;
import dev.askbuild.extract.SafeExtractor;
import dev.askbuild.kernel.BaseConfig;
import dev.askbuild.kernel.ConfigFragment;
import dev.askbuild.kernel.KernelRequest;
import dev.askbuild.kernel.KernelResult;
import dev.askbuild.kernel.KernelStage;
import dev.askbuild.kernel.PatchSeries;
import dev.askbuild.sysroot.BuildKind;
import dev.askbuild.sysroot.SysrootRequest;
import dev.askbuild.sysroot.SysrootResult;
import dev.askbuild.sysroot.SysrootStage;
import dev.askbuild.sysroot.VendoredLibrary;
import dev.askbuild.report.ReportOptions;
import dev.askbuild.report.ReportWriter;
import dev.askbuild.report.ToolchainVersions;
import dev.askbuild.verify.FileVerdict;
import dev.askbuild.verify.PackageVerifier;
import dev.askbuild.verify.VerifyReport;
import dev.askbuild.verify.VerifyRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code askbuild build}: the stages in order, each reported with its name, cache hit or miss and
 * time; the first failing stage stops the run with its own exit code.
 */
public final class BuildPipeline {
  private final Progress progress;

  public BuildPipeline(Progress progress) {
    this.progress = progress;
  }

  public BuildSummary run(BuildRequest request) throws IOException {
    BoardProfile board = request.board();
    Path out = request.out().toAbsolutePath();
    Path logs = Files.createDirectories(out.resolve("logs"));
    Path work = Files.createDirectories(out.resolve("work"));
    Files.createDirectories(out.resolve("reports"));
    StageLogs.reset(work, logs);
    Path packages = request.packages().isPresent()
        ? request.packages().get().toAbsolutePath()
        : DemoInputs.write(out.resolve("packages"), request.epoch());
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("board", board.name());
    manifest.put("epoch", request.epoch());
    manifest.put("packages", packages.toString());
    List<StageOutcome> outcomes = new ArrayList<>();
    Map<String, Path> tarballs = new TreeMap<>();
    for (var e : board.tarballs().entrySet()) {
      tarballs.put(e.getKey(), packages.resolve(e.getValue()));
    }
    ProcessRunner runner = ProcessRunner.forBuilds();
    Path askInputs = null;
    SysrootResult sysroot = null;
    KernelResult kernel = null;
    CompileResult compiled = null;
    try {
      if (request.stages().contains(Stage.VERIFY)) {
        long t = System.nanoTime();
        VerifyReport report = new PackageVerifier().verify(new VerifyRequest(packages,
            packages.resolve("SHA256SUMS"), request.signature(), request.keyring(), true,
            Runtime.getRuntime().availableProcessors(), java.util.Set.of()));
        StringBuilder text = new StringBuilder();
        for (FileVerdict v : report.verdicts()) {
          text.append(v.status()).append(' ').append(v.file()).append(' ').append(v.actual()).append('\n');
        }
        Files.writeString(logs.resolve("verify.log"), text);
        if (!report.passed()) {
          List<String> problems = report.verdicts().stream().filter(report::isFailure).map(FileVerdict::describe).toList();
          throw AskBuildException.checkFailed("verify: " + String.join("\n", problems));
        }
        for (var e : tarballs.entrySet()) {
          if (!Files.isRegularFile(e.getValue())) {
            throw AskBuildException.badInput(
                "board " + board.name() + " needs " + e.getKey() + " tarball " + e.getValue().getFileName()
                    + ", which is not in " + packages);
          }
        }
        outcomes.add(done(Stage.VERIFY, "none", t));
      }
      if (tarballs.containsKey("ask")) {
        // "ask:" references in the board (kernel config, patch series, library patches) point here.
        askInputs = work.resolve("ask-inputs");
        FileTrees.deleteRecursively(askInputs);
        new SafeExtractor().extract(ExtractRequest.of(tarballs.get("ask"), askInputs)
            .withStripComponents(1).withDropVcs(true).withEpoch(request.epoch()));
      }
      if (request.stages().contains(Stage.SYSROOT)) {
        long t = System.nanoTime();
        List<VendoredLibrary> libs = new ArrayList<>();
        for (BoardProfile.VendoredLibrary lib : board.vendored()) {
          if (lib.inSysroot()) {
            List<Path> patches = new ArrayList<>();
            for (String p : lib.patches()) {
              patches.add(resolve(p, askInputs, packages));
            }
            libs.add(new VendoredLibrary(lib.name(), packages.resolve(lib.tarball()), patches,
                lib.build().equals("make") ? BuildKind.MAKE : BuildKind.AUTOTOOLS, lib.args()));
          }
        }
        sysroot = new SysrootStage(runner, progress).build(new SysrootRequest(board.toolchain().triple(), "arm64",
            board.devPackages(), libs, work.resolve("sysroot"), request.cache(), request.epoch()));
        manifest.put("sysroot", sysroot.sysroot().toString());
        outcomes.add(done(Stage.SYSROOT, sysroot.cacheHit() ? "hit" : "miss", t));
      }
      if (request.stages().contains(Stage.KERNEL)) {
        long t = System.nanoTime();
        Path kernelTar = tarballs.get("kernel");
        if (kernelTar == null) {
          throw AskBuildException.badInput("board " + board.name() + " names no kernel tarball");
        }
        String base = board.kernel().baseConfig();
        BaseConfig baseConfig = base.startsWith(BoardProfile.ASK_PREFIX)
            ? BaseConfig.parse(resolve(base, askInputs, packages).toString())
            : BaseConfig.parse(base);
        PatchSeries patches = board.kernel().patches().isPresent()
            ? PatchSeries.of(resolve(board.kernel().patches().get(), askInputs, packages))
            : PatchSeries.none();
        KernelRequest kr = KernelRequest.arm64(kernelTar,
                ConfigFragment.parse(board.kernel().fragment(), Boards.fragmentText(board)), baseConfig,
                work.resolve("kernel"), request.cache())
            .withPatches(patches)
            .withToolchain(board.toolchain().arch(), board.toolchain().crossCompile())
            .withEpoch(request.epoch());
        kernel = new KernelStage(progress).run(kr);
        manifest.put("kernel", Map.of("tree", kernel.tree(), "manifest", kernel.manifestFile()));
        Files.write(logs.resolve("kernel.log"), kernel.messages());
        outcomes.add(done(Stage.KERNEL, kernel.cacheHit() ? "hit" : "miss", t));
      }
      if (request.stages().contains(Stage.COMPILE)) {
        long t = System.nanoTime();
        if (sysroot == null || kernel == null) {
          throw AskBuildException.badInput("the compile stage needs the sysroot and kernel stages in --stages");
        }
        compiled = new CompileStage(runner, progress).compile(new CompileRequest(tarballs.get("ask"), tarballs,
            kernel.treePath(), sysroot.sysroot(), work.resolve("compile"), board.toolchain().arch(),
            board.toolchain().crossCompile(), board.toolchain().triple(), board.platform().orElse(""),
            request.epoch(), CompilePlans.forBoard(board.name()), Target.DIST));
        Path dist = out.resolve("dist");
        FileTrees.deleteRecursively(dist);
        FileTrees.publish(compiled.dist(), dist);
        compiled = new CompileResult(compiled.tree(), dist, compiled.artifacts());
        manifest.put("artifacts", compiled.artifacts());
        outcomes.add(done(Stage.COMPILE, "none", t));
      }
      if (request.stages().contains(Stage.CHECK)) {
        long t = System.nanoTime();
        if (sysroot == null || kernel == null || compiled == null) {
          throw AskBuildException.badInput("the check stage needs the sysroot, kernel and compile stages in --stages");
        }
        Path provenanceInput = work.resolve("provenance-input.json");
        Map<String, Object> inputs = new TreeMap<>();
        for (var e : tarballs.entrySet()) {
          inputs.put(e.getValue().getFileName().toString(), dev.askbuild.core.Sha256.ofFile(e.getValue()));
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("tarballs", inputs);
        provenance.put("kernelManifest", new ObjectMapper().readTree(kernel.manifestPath().toFile()));
        provenance.put("sysrootKey", sysroot.key());
        new ObjectMapper().writeValue(provenanceInput.toFile(), provenance);
        CheckTarget target = CheckTargets.of(board);
        CheckReport report = new Checker(progress).check(
            new CheckRequest(compiled.dist(), Optional.of(kernel.treePath()), sysroot.sysroot(), target));
        Map<String, String> tools = ToolchainVersions.probe(target, runner, work);
        ReportWriter.write(report, new ReportOptions(out.resolve("reports"), board.name(), request.epoch(),
            Optional.of(provenanceInput), tools));
        List<String> failures = report.failures().stream().map(CheckResult::describe).toList();
        Files.write(logs.resolve("check.log"), failures);
        if (!report.passed()) {
          throw AskBuildException.checkFailed("check: " + failures.size() + " failed checks (see "
              + out.resolve("reports/report.html") + ")\n" + String.join("\n", failures));
        }
        outcomes.add(done(Stage.CHECK, "none", t));
      }
    } finally {
      try {
        StageLogs.collect(work, logs);
      } catch (IOException e) {
        // Never hide the stage's own error behind one about its logs.
        progress.info("build: could not gather the stage logs into " + logs + ": " + e.getMessage());
      }
    }
    manifest.put("stages", outcomes);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("manifest.json").toFile(), manifest);
    return new BuildSummary(out.toString(), outcomes, sysroot == null ? "" : sysroot.sysroot().toString(),
        kernel == null ? "" : kernel.tree(), compiled == null ? Map.of() : compiled.artifacts());
  }

  private StageOutcome done(Stage stage, String cache, long startNanos) {
    StageOutcome outcome = new StageOutcome(stage.label(), "ok", cache, (System.nanoTime() - startNanos) / 1_000_000);
    progress.info(outcome.line());
    return outcome;
  }

  /** A board value: {@code ask:path} inside the extracted ASK tree, else a file in packages. */
  private static Path resolve(String value, Path askInputs, Path packages) {
    if (value.startsWith(BoardProfile.ASK_PREFIX)) {
      if (askInputs == null) {
        throw AskBuildException.badInput(value + " points into the ASK tarball, but the board names none");
      }
      Path p = askInputs.resolve(value.substring(BoardProfile.ASK_PREFIX.length())).normalize();
      if (!p.startsWith(askInputs) || !Files.exists(p)) {
        throw AskBuildException.badInput(value + " does not exist in the ASK tarball");
      }
      return p;
    }
    return packages.resolve(value);
  }
}
