package dev.askbuild.jenkins.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.fixture.Fixtures;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code askBuild board: 'demo'} replayed on the real engine as Jenkins runs it: the script run in
 * the pipeline harness (askEngine answered by the engine's plan), then every step it called done
 * for real in a directory standing for the agent, in order: the Java steps' argument lists
 * ({@link EngineOptions#args}) run with {@code java -jar} on the placed engine jar, the long stages'
 * shell lines run by {@code /bin/sh} with the environment withEnv gave them. So the lines askBuild
 * writes and the options the steps pass are the ones the engine takes.
 */
class AskBuildEndToEndTest {
  static final Path PROJECT = Path.of(System.getProperty("askbuild.project.dir", "."));

  @TempDir Path dir;
  final LocalProcess process = new LocalProcess();
  final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> askBuild(Map<String, Object> args) throws Exception {
    return askBuild(args, null);
  }

  /** @param baseline what askBaseline answers (null: no earlier successful build) */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> askBuild(Map<String, Object> args, Map<String, Object> baseline) throws Exception {
    GroovyObject harness;
    try (GroovyClassLoader loader = new GroovyClassLoader(getClass().getClassLoader())) {
      Class<?> c = loader.parseClass(PROJECT.resolve("src/test/resources/dev/askbuild/jenkins/PipelineHarness.groovy").toFile());
      harness = (GroovyObject) c.getDeclaredConstructor().newInstance();
    }
    harness.setProperty("secretDir", Files.createDirectories(dir.resolve("secrets")).toFile());
    harness.setProperty("baseline", baseline);
    harness.invokeMethod("run", new Object[] {PROJECT.resolve("vars/askBuild.groovy").toFile(), args});
    return (List<Map<String, Object>>) harness.getProperty("calls");
  }

  /** A Java step's parameters into the model it holds, as its data-bound setters fill it. */
  static EngineOptions options(Map<?, ?> args) {
    EngineOptions o = new EngineOptions((String) args.get("board"));
    args.forEach((k, v) -> {
      switch ((String) k) {
        case "board" -> { }
        case "out" -> o.out(v);
        case "packages" -> o.packages(v);
        case "cache" -> o.cache(v);
        case "epoch" -> o.epoch(v);
        case "target" -> o.target(v);
        case "components" -> o.components(v);
        case "signature" -> o.signature(v);
        case "keyring" -> o.keyring(v);
        case "privateFiles" -> o.privateFiles(v);
        case "baseline" -> o.baseline(v);
        case "failOnAbiChange" -> o.failOnAbiChange((Boolean) v);
        case "baselineBuild" -> { }
        default -> throw new AssertionError("no such step parameter: " + k);
      }
    });
    return o;
  }

  /** Runs what askBuild called, in order; returns the Java steps' results. */
  List<Map<String, Serializable>> replay(List<Map<String, Object>> calls, Path workspace) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = EngineJar.ofFile(TestEngine.jar()).place(new LocalFiles(), dir.resolve("agent").toString());
    List<Map<String, Serializable>> results = new ArrayList<>();
    for (Map<String, Object> call : calls) {
      String step = (String) call.get("step");
      Map<String, String> env = new HashMap<>(System.getenv());
      @SuppressWarnings("unchecked")
      Map<String, String> bound = (Map<String, String>) call.get("env");
      env.putAll(bound);
      env.put("ASKBUILD_JAVA", java);
      env.put("ASKBUILD_JAR", jar);
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      if (step.equals("askVerify") || step.equals("askCheck")) {
        List<String> argv = new ArrayList<>(List.of(java, "-jar", jar));
        argv.addAll(options((Map<?, ?>) call.get("args")).args(step.equals("askVerify") ? "verify" : "check"));
        int code = process.run(argv, env, workspace.toString(), stdout, log);
        results.add(EngineResult.of(step, Json.read(stdout.toString(StandardCharsets.UTF_8)), code, ""));
      } else if (step.equals("sh")) {
        int code = process.run(List.of("/bin/sh", "-c", (String) call.get("args")), env, workspace.toString(), stdout, log);
        assertThat(code).as("%s%n%s", call.get("args"), log.toString(StandardCharsets.UTF_8)).isZero();
      }
    }
    return results;
  }

  @Test
  void oneLineBuildsAndChecksTheDemoBoard() throws Exception {
    Path ws = Files.createDirectories(dir.resolve("agent/workspace/job"));
    List<Map<String, Object>> calls = askBuild(Map.of("board", "demo", "cache", Fixtures.cache().toString(),
        "epoch", Fixtures.EPOCH));
    List<Map<String, Serializable>> results = replay(calls, ws);
    assertThat(calls.stream().filter(c -> c.get("step").equals("sh")).count()).isEqualTo(3);
    assertThat(results).extracting(r -> r.get("command")).containsExactly("verify", "check");
    assertThat(results.get(1)).containsEntry("status", "ok").containsEntry("passed", true).containsEntry("failedChecks", 0);
    assertThat(ws.resolve("askbuild-out/dist/alpha.ko")).isRegularFile();
    Path reports = ws.resolve("askbuild-out/reports");
    assertThat(reports.resolve("report.html")).isRegularFile();
    CheckSummary summary = CheckSummary.fromChecks(Json.read(Files.readString(reports.resolve("checks.json"))), "askbuild-out");
    assertThat(summary.passed()).isTrue();
    assertThat(summary.rows()).extracting(CheckSummary.Row::artifact).contains("alpha.ko");
  }

  /**
   * Issue 21 item 3: the nightly's second build compares with the first's archived reports (what
   * askBaseline copies into the workspace) through askCheck's baseline, which reaches the engine's
   * {@code check --baseline}: the same inputs give no ABI change, and the page says since which build.
   */
  @Test
  void theSecondBuildComparesWithTheFirstsArchivedReportsAndSaysNoAbiChange() throws Exception {
    Path ws = Files.createDirectories(dir.resolve("agent/workspace/job"));
    Map<String, Object> args = Map.of("board", "demo", "cache", Fixtures.cache().toString(), "epoch", Fixtures.EPOCH,
        "failOnAbiChange", true);
    replay(askBuild(args), ws);
    Path reports = ws.resolve("askbuild-out/reports");
    // What Jenkins archived of build #1, as askBaseline copies it back.
    Path baseline = Files.createDirectories(ws.resolve("askbuild-baseline"));
    for (String name : List.of("checks.json", "provenance.json", "abi.json")) {
      Files.copy(reports.resolve(name), baseline.resolve(name));
    }
    List<Map<String, Object>> calls = askBuild(args, Map.of("dir", baseline.toString(), "build", 1));
    Map<?, ?> check = (Map<?, ?>) calls.stream().filter(c -> c.get("step").equals("askCheck")).findFirst().orElseThrow().get("args");
    assertThat(options(check).args("check")).containsSubsequence("--baseline", baseline.toString(), "--fail-on-abi-change");
    List<Map<String, Serializable>> results = replay(calls, ws);
    assertThat(results.get(1)).containsEntry("status", "ok").containsEntry("passed", true);
    Map<?, ?> checks = Json.read(Files.readString(reports.resolve("checks.json")));
    assertThat(checks.get("abiDiff")).isInstanceOf(Map.class);
    Map<?, ?> abi = (Map<?, ?>) checks.get("abiDiff");
    assertThat(abi.get("abiChanged")).isEqualTo(false);
    AbiSummary summary = AbiSummary.from(1, abi, Json.read(Files.readString(reports.resolve("abi-diff.json"))));
    assertThat(summary.headline()).startsWith("no ABI change since #1");
    assertThat(SummaryHtml.render(CheckSummary.fromChecks(checks, "askbuild-out").withAbi(summary)))
        .contains("<b>no ABI change since #1");
  }

  @Test
  void aSelectionReachesEveryStageAndTheEngineRefusesAnotherRunsState() throws Exception {
    Path ws = Files.createDirectories(dir.resolve("agent/workspace/job"));
    List<Map<String, Object>> calls = askBuild(Map.of("board", "demo", "cache", Fixtures.cache().toString(),
        "epoch", Fixtures.EPOCH, "out", "sel", "target", "userspace", "components", "hello"));
    replay(calls, ws);
    assertThat(ws.resolve("sel/dist/hello")).isRegularFile();
    assertThat(ws.resolve("sel/dist/alpha.ko")).doesNotExist();
    assertThat(ws.resolve("sel/state/kernel.json")).doesNotExist();

    // A check of another selection in the same output directory: the engine's exit 2, in its words.
    EngineOptions other = options(Map.of("board", "demo", "out", "sel", "target", "userspace", "components", "libgreet"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> argv = new ArrayList<>(List.of(java, "-jar", TestEngine.jar().toString()));
    argv.addAll(other.args("check"));
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int code = process.run(argv, System.getenv(), ws.toString(), stdout, log);
    assertThatThrownBy(() -> EngineResult.of("askCheck", Json.read(stdout.toString(StandardCharsets.UTF_8)), code, ""))
        .isInstanceOfSatisfying(StageFailedException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(2);
          assertThat(e.getMessage()).startsWith("askCheck failed (exit 2): ").contains("belongs to another run");
        });
  }

  /** The agent's files as java.nio sees them. */
  static final class LocalFiles implements AgentFiles {
    @Override public boolean exists(String path) {
      return Files.exists(Path.of(path));
    }

    @Override public void mkdirs(String path) throws IOException {
      Files.createDirectories(Path.of(path));
    }

    @Override public void write(String path, InputStream content) throws IOException {
      Files.copy(content, Path.of(path));
    }

    @Override public void rename(String from, String to) throws IOException {
      Files.move(Path.of(from), Path.of(to), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Override public String sha256(String path) throws IOException {
      return EngineJar.sha256Of(Path.of(path));
    }

    @Override public void deleteRecursive(String path) throws IOException {
      dev.askbuild.core.FileTrees.deleteRecursively(Path.of(path));
    }
  }
}
