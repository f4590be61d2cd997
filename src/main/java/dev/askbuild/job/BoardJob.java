package dev.askbuild.job;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckStatus;
import dev.askbuild.diff.AbiDiff;
import dev.askbuild.compile.CompilePlan;
import dev.askbuild.compile.CompilePlans;
import dev.askbuild.compile.CompileResult;
import dev.askbuild.compile.CompileStage;
import dev.askbuild.compile.KernelRequirements;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.Messages;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.kernel.KernelResult;
import dev.askbuild.kernel.KernelStage;
import dev.askbuild.kernel.KernelSurvey;
import dev.askbuild.kernel.KernelSurveyor;
import dev.askbuild.kernel.KernelVersion;
import dev.askbuild.report.ReportOptions;
import dev.askbuild.report.ReportWriter;
import dev.askbuild.sysroot.SysrootResult;
import dev.askbuild.sysroot.SysrootStage;
import dev.askbuild.verify.PackageVerifier;
import dev.askbuild.verify.Status;
import dev.askbuild.verify.VerifyReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The engine's per-stage API for one board run: {@link #run(Stage)} runs one stage with the requests
 * {@link StageRequests} makes, takes the earlier stages' results from this run or from {@code
 * OUT/state}, and leaves its own result there and its log in {@code OUT/logs}. The CLI's stage
 * commands, {@code askbuild build}, the Jenkins steps and the container build all come through here.
 */
public final class BoardJob {
  private final JobRequest request;
  private final BoardProfile board;
  private final CompilePlan plan;
  private final Selection selection;
  private final BoardInputs inputs;
  private final Workspace workspace;
  private final StageRequests requests;
  private final StageState state;
  private final OwnedFiles owned;
  private final ProcessRunner runner;
  private final Progress progress;

  /** Each stage's result once this run made or read it. */
  private final Map<Stage, Object> results = new java.util.EnumMap<>(Stage.class);
  private AskTree askTree;
  /** The build the check compares against ({@code --baseline}), and whether an ABI break fails it. */
  private Optional<Path> baseline = Optional.empty();
  private boolean failOnAbiChange;

  private BoardJob(JobRequest request, BoardProfile board, CompilePlan plan, Selection selection, BoardInputs inputs,
      ProcessRunner runner, Progress progress) {
    this.request = request;
    this.board = board;
    this.plan = plan;
    this.selection = selection;
    this.inputs = inputs;
    this.workspace = new Workspace(request.out());
    this.requests = new StageRequests(request, selection, inputs, workspace);
    // The state names the libc the board resolved to, so a musl result is never taken for glibc's.
    this.state = new StageState(workspace.state(), request.withLibc(board.toolchain().libc()), selection);
    this.owned = new OwnedFiles(workspace);
    this.runner = runner;
    this.progress = progress;
  }

  /** Opens a run: an unknown board is named first, then missing inputs are checked per stage. */
  public static BoardJob open(JobRequest request, ProcessRunner runner, Progress progress) throws IOException {
    BoardProfile board = request.loadBoard();
    RunDirs.require(request);
    CompilePlan plan = CompilePlans.forBoard(board);
    // A component selection that cannot be built is refused before any stage runs.
    Selection selection = Selection.of(board, plan, request.target(), request.components());
    BoardInputs inputs = BoardInputs.resolve(board, request);
    RunDirs.requireOut(request);
    return new BoardJob(request, board, plan, selection, inputs, runner, progress);
  }

  /**
   * Makes the check stage compare its record with a baseline build's (an out dir, a reports dir or
   * an archived checks.json/provenance.json/abi.json) and put the diff in the reports; with {@code
   * failOnAbiChange} an ABI break fails the check (exit 1).
   */
  public BoardJob compareWith(Path baselineDir, boolean failOnAbi) {
    Path dir = baselineDir.toAbsolutePath().normalize();
    if (dir.startsWith(workspace.out())) {
      // The check rewrites this run's reports before it compares: its own would be gone.
      throw AskBuildException.badInput("--baseline " + baselineDir + " is inside this run's out dir "
          + workspace.out() + "; give an earlier run's out dir or a copy of its reports");
    }
    dev.askbuild.diff.Differ.requireRecord(dir);
    this.baseline = Optional.of(dir);
    this.failOnAbiChange = failOnAbi;
    return this;
  }

  public BoardProfile board() {
    return board;
  }

  /** The components this run builds: those asked for and what they are built against. */
  public java.util.SortedSet<String> components() {
    return selection.components();
  }

  public Workspace workspace() {
    return workspace;
  }

  public BoardInputs inputs() {
    return inputs;
  }

  /** True when this run or an earlier one into the same directory left the stage's result. */
  public boolean hasResult(Stage stage) {
    return results.containsKey(stage) || Files.isRegularFile(workspace.state().resolve(stage.label() + ".json"));
  }

  /** Runs one stage; its log is written whether it passes or fails. */
  public StageRun run(Stage stage) throws IOException {
    long start = System.nanoTime();
    StageLog.reset(workspace, stage);
    // One record of the stage's messages: the stages get this as their progress, and both the log
    // and the run's messages are taken from it.
    Messages log = new Messages(progress);
    try (var onSignal = StageInterruption.guard(workspace, state, stage, log)) {
      Outcome outcome = step(stage).run(log);
      keep(stage, outcome.result());
      StageLog.write(workspace, stage, log.lines(), stage.label() + ": ok");
      StageRun run = StageRun.ok(stage, outcome.cache(), millis(start), log.lines(), outcome.summary());
      progress.info(run.line());
      return run;
    } catch (IOException | RuntimeException e) {
      StageInterruption.recordFailure(workspace, stage, log, e);
      throw e;
    }
  }

  /**
   * {@code askbuild build}: the selected stages in order, each through {@link #run}; the first
   * failing stage stops the run with its own exit code. Writes {@code OUT/manifest.json}.
   */
  public Manifest build(Set<Stage> stages) throws IOException {
    List<Stage> order = Stage.plan(stages, request.target());
    // A stage whose input neither runs here nor is left by an earlier run fails now, not after hours.
    // All of them in one sentence: the stages missing, each named once, in the order they run.
    java.util.Set<Stage> unmet = new java.util.TreeSet<>();
    for (Stage stage : order) {
      for (Stage need : stage.needs(request.target())) {
        if (!order.contains(need) && !hasResult(need)) {
          unmet.add(need);
        }
      }
    }
    if (!unmet.isEmpty()) {
      List<String> names = unmet.stream().map(Stage::label).toList();
      String list = names.size() == 1 ? names.get(0)
          : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
      throw AskBuildException.badInput("--stages " + String.join(",", order.stream().map(Stage::label).toList())
          + " needs the result" + (names.size() == 1 ? " of " : "s of ") + list + ", which "
          + (names.size() == 1 ? "is" : "are") + " neither selected nor left in " + workspace.state()
          + " by an earlier run");
    }
    List<StageRun> runs = new ArrayList<>();
    for (Stage stage : order) {
      runs.add(run(stage));
    }
    Map<String, String> artifacts = order.contains(Stage.COMPILE)
        ? result(Stage.COMPILE, CompileResult.class).artifacts() : Map.of();
    Manifest manifest = new Manifest(request.board(), request.epoch(), request.target().label(),
        List.copyOf(components()), inputs.packages().toString(), order.stream().map(Stage::label).toList(), runs,
        artifacts);
    manifest.write(workspace.manifest());
    return manifest;
  }

  /** What a stage's step hands back: its result (kept for the later stages), cache state and summary. */
  private record Outcome(Object result, String cache, StageSummary summary) {}

  @FunctionalInterface
  private interface Step {
    Outcome run(Messages log) throws IOException;
  }

  /** The step of each stage (the stage's data, result type and needs, is in {@link Stage}). */
  private Step step(Stage stage) {
    return switch (stage) {
      case VERIFY -> this::verify;
      case SYSROOT -> this::sysroot;
      case KERNEL -> this::kernel;
      case COMPILE -> this::compile;
      case CHECK -> this::check;
    };
  }

  private static String cache(boolean hit) {
    return hit ? "hit" : "miss";
  }

  private Outcome verify(Messages log) throws IOException {
    state.clear(Stage.VERIFY);
    inputs.requirePresent(selection);
    VerifyReport report = new PackageVerifier(log).prove(requests.verify());
    if (!report.passed()) {
      log.info(PackageVerifier.summary(report));
      throw AskBuildException.checkFailed("verify: " + report.failures().size() + " file(s) failed:\n"
          + String.join("\n", report.failures().stream().map(this::describe).toList()));
    }
    // A kernel tarball of another line fails verify: "passed" is said only after it was checked.
    requireKernelLine(report, log);
    requireUnpackable(report, log);
    // The survey's scan holds the kernel tarball to the same entry rules: "passed" comes after it.
    Optional<KernelSurvey> survey = surveyKernel(report, log);
    log.info(PackageVerifier.summary(report));
    Optional<Integer> needs = survey.map(s -> KernelRequirements.requireSurveyed(
        plan.requirementsOf(selection.components()), s, plan.symversOrder(selection.components())));
    needs.ifPresent(checked -> log.info("verify: the patched kernel tree has what the selected components need ("
        + checked + " needs checked now; config values and Module.symvers again after the kernel build)"));
    StageSummary summary = new StageSummary.Verify(true, report.count(Status.OK),
        report.verdicts().stream().filter(v -> v.status() == Status.OK && v.pinned()).count(),
        report.count(Status.UNLISTED), 0, report.signatureCheck().map(s -> s.keyId()).orElse("none"), report.sums(),
        survey.map(KernelSurvey::version).orElse(null), survey.map(s -> s.patched().size()).orElse(null),
        needs.orElse(null));
    return new Outcome(report, "none", summary);
  }

  private Outcome sysroot(Messages log) throws IOException {
    VerifyReport proven = result(Stage.VERIFY, VerifyReport.class);
    SysrootResult sysroot = new SysrootStage(runner, log).run(requests.sysroot(proven, askTree(proven)));
    return new Outcome(sysroot, cache(sysroot.cacheHit()),
        new StageSummary.Sysroot(sysroot.sysroot(), sysroot.key(), sysroot.cacheHit()));
  }

  private Outcome kernel(Messages log) throws IOException {
    if (!Stage.KERNEL.runsFor(request.target())) {
      throw AskBuildException.badInput("the userspace target builds without a kernel; the kernel stage is not part of it");
    }
    VerifyReport proven = result(Stage.VERIFY, VerifyReport.class);
    KernelResult kernel = new KernelStage(runner, log).run(requests.kernel(proven, askTree(proven)));
    // On a hit, the figures of the make that built the cached tree: the next one expects as many.
    return new Outcome(kernel, cache(kernel.cacheHit()), new StageSummary.Kernel(kernel.tree(),
        kernel.manifest().kernelRelease(), kernel.manifest().build().label(), kernel.cacheHit(),
        kernel.droppedSymbols(), kernel.objects(), kernel.buildMillis()));
  }

  private Outcome compile(Messages log) throws IOException {
    owned.requireOwned(workspace.dist());
    VerifyReport proven = result(Stage.VERIFY, VerifyReport.class);
    CompileResult result = new CompileStage(runner, log).run(requests.compile(proven, askTree(proven), plan,
        result(Stage.SYSROOT, SysrootResult.class), kernelResult()));
    Path dist = workspace.dist();
    owned.clear(dist);
    FileTrees.publish(result.distPath(), dist);
    owned.record(dist);
    CompileResult compiled = result.withDist(dist);
    return new Outcome(compiled, "none", new StageSummary.Compile(compiled.dist(), compiled.artifacts()));
  }

  private Outcome check(Messages log) throws IOException {
    // Whatever fails below, no report or result of an earlier check is left to say green.
    state.clear(Stage.CHECK);
    Path reports = workspace.reports();
    owned.clear(reports);
    CompileResult built = result(Stage.COMPILE, CompileResult.class);
    SysrootResult root = result(Stage.SYSROOT, SysrootResult.class);
    Optional<KernelResult> tree = kernelResult();
    Path provenance = Workspace.ensure(workspace.stageWork(Stage.CHECK)).resolve("provenance-input.json");
    ProvenanceInput.write(provenance, result(Stage.VERIFY, VerifyReport.class), tree, root, ArtifactInputs.of(board,
        plan, inputs, selection.components(), tree.map(k -> k.manifest().patches().stream().map(p -> p.name())
            .toList()).orElse(List.of()), tree.isPresent()));
    ReportOptions options = new ReportOptions(Workspace.ensure(reports), board.name(), request.epoch(),
        Optional.of(provenance), Map.of()).withBaseline(baseline, failOnAbiChange);
    // The delivery is held against what the check read before the reports are written, so that a
    // file changed since the compile stage is a failed case in every report, not only on stderr.
    DistCheck.Checked checked = DistCheck.run(requests.check(built, root, tree), report -> DeliveredDist.held(built,
        report), options, runner, workspace.stageWork(Stage.CHECK), log);
    owned.record(reports);
    CheckReport report = checked.report();
    ReportWriter.Written written = checked.written();
    Optional<String> undelivered = DeliveredDist.problem(built, report);
    if (undelivered.isPresent()) {
      throw AskBuildException.checkFailed(undelivered.get() + " (see " + reports.resolve(ReportWriter.HTML) + ")");
    }
    if (!report.passed()) {
      throw AskBuildException.checkFailed("check: " + report.failures().size() + " failed checks (see "
          + reports.resolve(ReportWriter.HTML) + ")");
    }
    if (written.abiFailed(options)) {
      throw AskBuildException.checkFailed("check: " + written.diff().get().verdict() + " against the baseline "
          + baseline.get() + " (--fail-on-abi-change): " + written.diff().get().breaks().get(0).describe()
          + " (see " + reports.resolve(ReportWriter.HTML) + ")");
    }
    return new Outcome(report, "none", new StageSummary.Check(true, report.count(CheckStatus.PASS),
        report.count(CheckStatus.FAIL), report.artifacts().size(), reports.toString(),
        reports.resolve(ReportWriter.HTML).toString(), reports.resolve(ReportWriter.JUNIT).toString(),
        reports.resolve(ReportWriter.ABI).toString(), written.diff().map(d -> d.verdict()).orElse(null),
        written.diff().map(d -> d.abiChanged()).orElse(null), written.diff().map(d -> d.breaks().size()).orElse(null)));
  }

  /** A failed file; an unlisted kernel tarball may also be proven by its hash on the command line. */
  private String describe(dev.askbuild.verify.FileVerdict v) {
    if (v.status() == Status.UNLISTED && v.file().equals(inputs.name("kernel"))) {
      return v.describe() + "; or prove it with --kernel-sha256 " + (v.actual() == null ? "HEX" : v.actual());
    }
    return v.describe();
  }

  /** A kernel tarball of another line than the board's is refused now, not after minutes of patching. */
  private void requireKernelLine(VerifyReport report, Messages log) throws IOException {
    if (!Stage.KERNEL.runsFor(request.target()) || board.kernel().version().isEmpty()) {
      return;
    }
    String name = inputs.name("kernel");
    KernelVersion version = KernelVersion.of(report.require(name), request.cache());
    version.require(board.kernel().version().get(), name, board.name());
    log.info("verify: " + name + " is Linux " + version + ", the board's line " + board.kernel().version().get());
  }

  /**
   * Every proven tarball the run reads but the kernel's unpacked by safe extraction's own rules into
   * verify's work directory and removed again, so that "verify: passed" also means the inputs can be
   * unpacked: a hostile entry is named now, not when the stage that unpacks it has run for minutes.
   * These tarballs are small (sources of libraries and the kit); the kernel's, a hundred times
   * larger, is held to the same entry rules by the survey's scan, which streams it anyway.
   */
  private void requireUnpackable(VerifyReport report, Messages log) throws IOException {
    Path scratch = workspace.stageWork(Stage.VERIFY).resolve("unpack-check");
    FileTrees.deleteRecursively(scratch);
    int checked = 0;
    try {
      for (dev.askbuild.board.Tarball t : inputs.tarballs()) {
        dev.askbuild.verify.FileVerdict verdict = report.verdicts().stream()
            .filter(v -> v.file().equals(t.name()) && v.status() == Status.OK && v.trusted() != null)
            .findFirst().orElse(null);
        if (t.role() == dev.askbuild.board.TarballRole.KERNEL || verdict == null || !selection.reads(t)) {
          continue;
        }
        try {
          new dev.askbuild.extract.SafeExtractor().extract(verdict.trusted(), dev.askbuild.extract.ExtractRequest.of(
              Path.of(verdict.trusted().path()), scratch.resolve(t.name())));
        } catch (AskBuildException e) {
          throw new AskBuildException(e.exitCode(), "verify: " + t.name() + " cannot be unpacked safely: "
              + e.getMessage(), e);
        }
        FileTrees.deleteRecursively(scratch.resolve(t.name()));
        checked++;
      }
    } finally {
      FileTrees.deleteQuietly(scratch);
    }
    if (checked > 0) {
      log.info("verify: " + checked + " tarball(s) unpack by safe extraction's rules");
    }
  }

  /**
   * For a target with modules: the kernel tarball surveyed with the board's patch series applied to
   * the files it touches, so the selected components' needs are checked against it before the
   * sysroot and the kernel build; a series that does not apply is exit 1 naming the patch and the
   * files.
   */
  private Optional<KernelSurvey> surveyKernel(VerifyReport report, Messages log) throws IOException {
    if (!Stage.KERNEL.runsFor(request.target())) {
      return Optional.empty();
    }
    KernelSurvey survey = new KernelSurveyor(runner, log).survey(report.require(inputs.name("kernel")),
        requests.kernelPatches(askTree(report)), board.toolchain().arch(),
        workspace.stageWork(Stage.VERIFY).resolve("kernel-survey"), request.cache());
    survey.messages().forEach(log::info);
    return Optional.of(survey);
  }

  /** The kernel stage's result when the target builds against a kernel. */
  private Optional<KernelResult> kernelResult() throws IOException {
    return Stage.KERNEL.runsFor(request.target())
        ? Optional.of(result(Stage.KERNEL, KernelResult.class)) : Optional.empty();
  }

  /** A stage's result from this run, else from an earlier run's state. */
  private <T> T result(Stage stage, Class<T> type) throws IOException {
    Object known = results.get(stage);
    if (known == null) {
      known = earlier(stage);
      results.put(stage, known);
    }
    return type.cast(known);
  }

  /** Keeps a stage's result for the later stages of this run and the next stage's process. */
  private void keep(Stage stage, Object result) throws IOException {
    results.put(stage, result);
    state.write(stage, result);
  }

  private Object earlier(Stage stage) throws IOException {
    return state.read(stage, stage.resultType()).orElseThrow(() -> AskBuildException.badInput("no result of the " + stage.label()
        + " stage in " + workspace.state() + ": run `askbuild " + stage.label() + " --board " + board.name()
        + " --out " + workspace.out() + runOptions() + "` first (or `askbuild build" + runOptions() + "`)"));
  }

  /** The options of the run a suggested command must keep to belong to it: its target and components. */
  private String runOptions() {
    return (request.target() == dev.askbuild.compile.Target.DIST ? "" : " --target " + request.target().label())
        + (request.components().isEmpty() ? "" : " --components " + String.join(",", new java.util.TreeSet<>(
            request.components())));
  }

  private AskTree askTree(VerifyReport proven) throws IOException {
    if (askTree == null) {
      askTree = AskTree.unpack(proven.require(inputs.name("ask")), workspace.work().resolve("ask-inputs"),
          request.epoch());
    }
    return askTree;
  }

  private static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
