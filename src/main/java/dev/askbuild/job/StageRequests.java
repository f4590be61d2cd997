package dev.askbuild.job;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.check.CheckRequest;
import dev.askbuild.compile.CompilePlan;
import dev.askbuild.compile.CompileRequest;
import dev.askbuild.kernel.BaseConfig;
import dev.askbuild.kernel.ConfigFragment;
import dev.askbuild.kernel.KernelRequest;
import dev.askbuild.kernel.KernelResult;
import dev.askbuild.kernel.PatchSeries;
import dev.askbuild.compile.CompileResult;
import dev.askbuild.sysroot.SysrootRequest;
import dev.askbuild.sysroot.SysrootResult;
import dev.askbuild.sysroot.VendoredLibrary;
import dev.askbuild.verify.VerifyReport;
import dev.askbuild.verify.VerifyRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one translation from a board and a run's options to each stage's request. Every front end
 * (the per-stage CLI commands, {@code askbuild build}, the Jenkins steps, the container build) gets
 * its requests here, so they cannot drift apart. The rules, once: a value starting with {@code
 * ask:} is a path inside the ASK tarball ({@link AskTree}); any other file a board names is in the
 * packages directory; tarballs are taken as verification proved them, never hashed again.
 */
final class StageRequests {
  private final JobRequest request;
  private final Selection selection;
  private final BoardInputs inputs;
  private final Workspace workspace;

  StageRequests(JobRequest request, Selection selection, BoardInputs inputs, Workspace workspace) {
    this.request = request;
    this.selection = selection;
    this.inputs = inputs;
    this.workspace = workspace;
  }

  private BoardProfile board() {
    return inputs.board();
  }

  /** Verification of exactly the tarballs this run reads, against the board's pins and the list. */
  VerifyRequest verify() {
    Set<String> names = new TreeSet<>();
    inputs.tarballs().stream().filter(selection::reads).forEach(t -> names.add(t.name()));
    Path packages = inputs.packages();
    VerifyRequest verify = new VerifyRequest(packages, packages.resolve("SHA256SUMS"), request.signature(),
        request.keyring(), request.strict(), Runtime.getRuntime().availableProcessors(), Set.of())
        .withPins(pins(), request.requirePinned())
        .withElsewhere(inputs.elsewhere())
        .withHashMemo(dev.askbuild.cache.CacheStore.hashMemo(request.cache()), request.rehash());
    // --strict proves the whole directory (unlisted files fail); otherwise the board's tarballs.
    return request.strict() ? verify : verify.limitedTo(names);
  }

  /** The board's pins, and the kernel tarball's hash when the run gives it ({@code --kernel-sha256}). */
  private Map<String, String> pins() {
    Map<String, String> pins = new TreeMap<>(board().pins().byName());
    request.kernelSha256().ifPresent(sha -> pins.put(inputs.name("kernel"), sha));
    return pins;
  }

  SysrootRequest sysroot(VerifyReport verified, AskTree ask) {
    List<VendoredLibrary> libs = new ArrayList<>();
    for (BoardProfile.VendoredLibrary lib : selection.libraries()) {
      if (lib.build().inSysroot()) {
        libs.add(new VendoredLibrary(lib.name(), verified.require(lib.tarball()), patches(lib, ask), lib.build(),
            lib.args()));
      }
    }
    return new SysrootRequest(board().toolchain(), board().devPackages(), libs,
        workspace.stageWork(Stage.SYSROOT), request.cache(), request.epoch(), request.jobs(),
        dev.askbuild.cache.CompilerCache.in(request.cache()));
  }

  /** The board's kernel patch series, as the kernel stage and the survey at verify apply it. */
  PatchSeries kernelPatches(AskTree ask) throws IOException {
    return board().kernel().patches().isPresent()
        ? PatchSeries.of(file(board().kernel().patches().get(), ask).orElseThrow())
        : PatchSeries.none();
  }

  KernelRequest kernel(VerifyReport verified, AskTree ask) throws IOException {
    String base = board().kernel().baseConfig();
    BaseConfig baseConfig = BaseConfig.parse(file(base, ask).map(Path::toString).orElse(base));
    PatchSeries patches = kernelPatches(ask);
    ConfigFragment fragment = ConfigFragment.parse("board " + board().name() + " kernel.config", board().fragmentText());
    return KernelRequest.arm64(verified.require(inputs.name("kernel")), fragment, baseConfig,
            workspace.stageWork(Stage.KERNEL), request.cache())
        .withPatches(patches)
        .withToolchain(board().toolchain())
        .withEpoch(request.epoch())
        .withJobs(request.jobs());
  }

  CompileRequest compile(VerifyReport verified, AskTree ask, CompilePlan plan, SysrootResult sysroot,
      Optional<KernelResult> kernel) {
    Map<String, CompileRequest.VendoredSource> vendored = new TreeMap<>();
    for (String name : plan.vendoredNames()) {
      // A seed the selected components do not need is left out: its tarball was not verified.
      board().library(name).filter(lib -> selection.hasLibrary(name)).ifPresent(lib ->
          vendored.put(name, new CompileRequest.VendoredSource(verified.require(lib.tarball()), patches(lib, ask))));
    }
    return new CompileRequest(verified.require(inputs.name("ask")), vendored, kernel.map(KernelResult::treePath),
        sysroot.path(), workspace.stageWork(Stage.COMPILE), board().toolchain(), board().platform().orElse(""),
        request.epoch(), plan, request.target(), selection.components(), request.jobs(),
        dev.askbuild.cache.CompilerCache.in(request.cache()));
  }

  CheckRequest check(CompileResult compiled, SysrootResult sysroot, Optional<KernelResult> kernel) {
    return new CheckRequest(compiled.distPath(), kernel.map(KernelResult::treePath), sysroot.path(),
        CheckTargets.of(board()));
  }

  private List<Path> patches(BoardProfile.VendoredLibrary lib, AskTree ask) {
    return lib.patches().stream().map(p -> file(p, ask).orElseThrow()).toList();
  }

  /**
   * A board value naming a file: {@code ask:REL} inside the ASK tree, a path with a slash or a
   * patch/config file name in the packages directory; empty for a make target such as {@code
   * defconfig}.
   */
  private Optional<Path> file(String value, AskTree ask) {
    if (value.startsWith(BoardProfile.ASK_PREFIX)) {
      return Optional.of(ask.resolve(value));
    }
    if (value.startsWith(BoardProfile.BOARD_PREFIX)) {
      // The board's reader already kept it inside the board directory and saw it there.
      return Optional.of(board().source().dir().orElseThrow()
          .resolve(value.substring(BoardProfile.BOARD_PREFIX.length())).normalize());
    }
    if (BaseConfig.isTarget(value)) {
      return Optional.empty();
    }
    Path p = inputs.packages().resolve(value).normalize();
    if (!p.startsWith(inputs.packages())) {
      throw dev.askbuild.core.AskBuildException.badInput("board " + board().name() + ": '" + value
          + "' leaves the packages directory " + inputs.packages());
    }
    return Optional.of(p);
  }
}
