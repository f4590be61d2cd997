package dev.askbuild.job;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.board.Boards;
import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckStatus;
import dev.askbuild.check.Checker;
import dev.askbuild.compile.CompilePlan;
import dev.askbuild.compile.CompilePlans;
import dev.askbuild.compile.CompileResult;
import dev.askbuild.compile.CompileStage;
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
import dev.askbuild.report.ToolchainVersions;
import dev.askbuild.sysroot.SysrootResult;
import dev.askbuild.sysroot.SysrootStage;
import dev.askbuild.verify.PackageVerifier;
import dev.askbuild.verify.Status;
import dev.askbuild.verify.VerifyReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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

  private BoardJob(JobRequest request, BoardProfile board, CompilePlan plan, Selection selection, BoardInputs inputs,
      ProcessRunner runner, Progress progress) {
    this.request = request;
    this.board = board;
    this.plan = plan;
    this.selection = selection;
    this.inputs = inputs;
    this.workspace = new Workspace(request.out());
    this.requests = new StageRequests(request, selection, inputs, workspace);
    this.state = new StageState(workspace.state(), request, selection);
    this.owned = new OwnedFiles(workspace);
    this.runner = runner;
    this.progress = progress;
  }

  /** Opens a run: an unknown board is named first, then missing inputs are checked per stage. */
  public static BoardJob open(JobRequest request, ProcessRunner runner, Progress progress) throws IOException {
    BoardProfile board = Boards.load(request.board());
    RunDirs.require(request);
    CompilePlan plan = CompilePlans.forBoard(board);
    // A component selection that cannot be built is refused before any stage runs.
    Selection selection = Selection.of(board, plan, request.target(), request.components());
    BoardInputs inputs = BoardInputs.resolve(board, request);
    RunDirs.requireOut(request);
    return new BoardJob(request, board, plan, selection, inputs, runner, progress);
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
    Messages log = new Messages(progress);
    try (var onSignal = StageInterruption.guard(workspace, state, stage, log)) {
      StageRun run = switch (stage) {
        case VERIFY -> verify(log, start);
        case SYSROOT -> sysroot(log, start);
        case KERNEL -> kernel(log, start);
        case COMPILE -> compile(log, start);
        case CHECK -> check(log, start);
      };
      StageLog.write(workspace, stage, log.lines(), stage.label() + ": ok");
      progress.info(run.line());
      return run;
    } catch (IOException | RuntimeException e) {
      StageInterruption.recordFailure(workspace, stage, log, e);
      throw e;
    }
  }

  private StageRun verify(Messages log, long start) throws IOException {
    state.clear(Stage.VERIFY);
    inputs.requirePresent(selection);
    VerifyReport report = new PackageVerifier(log).run(requests.verify());
    if (!report.passed()) {
      throw AskBuildException.checkFailed("verify: " + report.failures().size() + " file(s) failed:\n"
          + String.join("\n", report.failures().stream().map(v -> v.describe()).toList()));
    }
    requireKernelLine(report, log);
    Map<String, Object> kernelSummary = surveyKernel(report, log);
    keep(Stage.VERIFY, report);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("passed", true);
    summary.put("files", report.count(Status.OK));
    summary.put("pinned", report.verdicts().stream().filter(v -> v.status() == Status.OK && v.pinned()).count());
    summary.put("unlisted", report.count(Status.UNLISTED));
    summary.put("failures", 0);
    summary.put("signature", report.signatureCheck().map(s -> s.keyId()).orElse("none"));
    summary.put("sums", report.sums());
    summary.putAll(kernelSummary);
    return StageRun.ok(Stage.VERIFY, "none", millis(start), log.lines(), summary);
  }

  private StageRun sysroot(Messages log, long start) throws IOException {
    VerifyReport proven = verified();
    SysrootResult sysroot = new SysrootStage(runner, log).run(requests.sysroot(proven, askTree(proven)));
    keep(Stage.SYSROOT, sysroot);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("sysroot", sysroot.sysroot());
    summary.put("key", sysroot.key());
    summary.put("cacheHit", sysroot.cacheHit());
    return StageRun.ok(Stage.SYSROOT, sysroot.cacheHit() ? "hit" : "miss", millis(start), sysroot.messages(), summary);
  }

  private StageRun kernel(Messages log, long start) throws IOException {
    if (!request.target().needsKernel()) {
      throw AskBuildException.badInput("the userspace target builds without a kernel; the kernel stage is not part of it");
    }
    VerifyReport proven = verified();
    KernelResult kernel = new KernelStage(runner, log).run(requests.kernel(proven, askTree(proven)));
    keep(Stage.KERNEL, kernel);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("tree", kernel.tree());
    summary.put("release", kernel.manifest().kernelRelease());
    summary.put("mode", kernel.manifest().build().label());
    summary.put("cacheHit", kernel.cacheHit());
    summary.put("droppedSymbols", kernel.droppedSymbols());
    return StageRun.ok(Stage.KERNEL, kernel.cacheHit() ? "hit" : "miss", millis(start), kernel.messages(), summary);
  }

  private StageRun compile(Messages log, long start) throws IOException {
    owned.requireOwned(workspace.dist());
    VerifyReport proven = verified();
    SysrootResult root = sysrootResult();
    Optional<KernelResult> tree = request.target().needsKernel() ? Optional.of(kernelResult()) : Optional.empty();
    CompileResult result = new CompileStage(runner, log).run(requests.compile(proven, askTree(proven), plan, root, tree));
    Path dist = workspace.dist();
    owned.clear(dist);
    FileTrees.publish(result.distPath(), dist);
    owned.record(dist);
    CompileResult compiled = result.withDist(dist);
    keep(Stage.COMPILE, compiled);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("dist", compiled.dist());
    summary.put("artifacts", new TreeMap<>(compiled.artifacts()));
    return StageRun.ok(Stage.COMPILE, "none", millis(start), compiled.messages(), summary);
  }

  private StageRun check(Messages log, long start) throws IOException {
    // Whatever fails below, no report or result of an earlier check is left to say green.
    state.clear(Stage.CHECK);
    Path reports = workspace.reports();
    owned.clear(reports);
    CompileResult built = compiledResult();
    SysrootResult root = sysrootResult();
    Optional<KernelResult> tree = request.target().needsKernel() ? Optional.of(kernelResult()) : Optional.empty();
    CheckReport report = DeliveredDist.held(built, new Checker(log).run(requests.check(built, root, tree)));
    Path provenance = Workspace.ensure(workspace.stageWork(Stage.CHECK)).resolve("provenance-input.json");
    ProvenanceInput.write(provenance, verified(), tree, root);
    Map<String, String> tools = ToolchainVersions.probe(report.target(), runner, workspace.stageWork(Stage.CHECK));
    ReportWriter.write(report, new ReportOptions(Workspace.ensure(reports), board.name(), request.epoch(),
        Optional.of(provenance), tools));
    owned.record(reports);
    log.info("check: reports in " + reports);
    Optional<String> undelivered = DeliveredDist.problem(built, report);
    if (undelivered.isPresent()) {
      throw AskBuildException.checkFailed(undelivered.get() + " (see " + reports.resolve(ReportWriter.HTML) + ")");
    }
    if (!report.passed()) {
      throw AskBuildException.checkFailed("check: " + report.failures().size() + " failed checks (see "
          + reports.resolve(ReportWriter.HTML) + ")");
    }
    keep(Stage.CHECK, report);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("passed", true);
    summary.put("passedChecks", report.count(CheckStatus.PASS));
    summary.put("failedChecks", report.count(CheckStatus.FAIL));
    summary.put("artifacts", report.artifacts().size());
    summary.put("reportDir", reports.toString());
    summary.put("reportHtml", reports.resolve(ReportWriter.HTML).toString());
    summary.put("junitXml", reports.resolve(ReportWriter.JUNIT).toString());
    return StageRun.ok(Stage.CHECK, "none", millis(start), log.lines(), summary);
  }

  /** A kernel tarball of another line than the board's is refused now, not after minutes of patching. */
  private void requireKernelLine(VerifyReport report, Messages log) throws IOException {
    if (!request.target().needsKernel() || board.kernel().version().isEmpty()) {
      return;
    }
    String name = inputs.name("kernel");
    KernelVersion version = KernelVersion.of(report.require(name));
    version.require(board.kernel().version().get(), name, board.name());
    log.info("verify: " + name + " is Linux " + version + ", the board's line " + board.kernel().version().get());
  }

  /**
   * For a target with modules: the kernel tarball surveyed with the board's patch series applied to
   * the files it touches, and the selected components' needs checked against that, all before the
   * sysroot and the kernel build; a series that does not apply is exit 1 naming the patch and the
   * files, unmet needs exit 2, all listed.
   */
  private Map<String, Object> surveyKernel(VerifyReport report, Messages log) throws IOException {
    if (!request.target().needsKernel()) {
      return Map.of();
    }
    KernelSurvey survey = new KernelSurveyor(runner).survey(report.require(inputs.name("kernel")),
        requests.kernelPatches(askTree(report)), board.toolchain().arch(),
        workspace.stageWork(Stage.VERIFY).resolve("kernel-survey"), request.cache());
    survey.messages().forEach(log::info);
    int checked = KernelNeeds.require(plan, selection, survey);
    log.info("verify: the patched kernel tree has what the selected components need (" + checked
        + " needs checked now; config values and Module.symvers again after the kernel build)");
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("kernelVersion", survey.version());
    summary.put("kernelPatchedFiles", survey.patched().size());
    summary.put("kernelNeedsChecked", checked);
    return summary;
  }

  private VerifyReport verified() throws IOException {
    return result(Stage.VERIFY, VerifyReport.class);
  }

  private SysrootResult sysrootResult() throws IOException {
    return result(Stage.SYSROOT, SysrootResult.class);
  }

  private KernelResult kernelResult() throws IOException {
    return result(Stage.KERNEL, KernelResult.class);
  }

  private CompileResult compiledResult() throws IOException {
    return result(Stage.COMPILE, CompileResult.class);
  }

  /** A stage's result from this run, else from an earlier run's state. */
  private <T> T result(Stage stage, Class<T> type) throws IOException {
    Object known = results.get(stage);
    if (known == null) {
      known = earlier(stage, type);
      results.put(stage, known);
    }
    return type.cast(known);
  }

  /** Keeps a stage's result for the later stages of this run and the next stage's process. */
  private void keep(Stage stage, Object result) throws IOException {
    results.put(stage, result);
    state.write(stage, result);
  }

  private <T> T earlier(Stage stage, Class<T> type) throws IOException {
    return state.read(stage, type).orElseThrow(() -> AskBuildException.badInput("no result of the " + stage.label()
        + " stage in " + workspace.state() + ": run `askbuild " + stage.label() + " --board " + board.name()
        + " --out " + workspace.out() + "` first (or `askbuild build`)"));
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
