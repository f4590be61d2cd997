package dev.askbuild.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.board.Boards;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vars/askBuild.groovy in the test's pipeline harness (steps bound to recorders). */
class AskBuildPipelineTest {
  static final Path PROJECT = Path.of(System.getProperty("askbuild.project.dir", "."));
  static final File SCRIPT = PROJECT.resolve("vars/askBuild.groovy").toFile();
  static final String MARKER = "MARKER-91d2-secret-value";

  @TempDir Path dir;
  GroovyObject harness;

  @BeforeEach
  void setUp() throws Exception {
    try (GroovyClassLoader loader = new GroovyClassLoader(getClass().getClassLoader())) {
      Class<?> c = loader.parseClass(PROJECT.resolve("src/test/resources/dev/askbuild/jenkins/PipelineHarness.groovy").toFile());
      harness = (GroovyObject) c.getDeclaredConstructor().newInstance();
    }
    harness.setProperty("secretDir", dir.toFile());
    harness.setProperty("secrets", Map.of("cred-sig", MARKER + "-sig", "cred-keys", MARKER + "-keys", "cred-ask", MARKER + "-ask"));
  }

  void run(Map<String, Object> args) {
    harness.invokeMethod("run", new Object[] {SCRIPT, args});
  }

  void failing(String step, String message) {
    harness.setProperty("failing", Map.of(step, message));
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> calls() {
    return (List<Map<String, Object>>) harness.getProperty("calls");
  }

  List<Object> argsOf(String step) {
    List<Object> args = new ArrayList<>();
    calls().stream().filter(c -> c.get("step").equals(step)).forEach(c -> args.add(c.get("args")));
    return args;
  }

  List<String> steps() {
    return calls().stream().map(c -> (String) c.get("step")).toList();
  }

  @Test
  void oneLineRunsTheStagesInOrderWithEachStepsArguments() {
    run(Map.of("board", "demo"));
    assertThat(argsOf("stage")).containsExactly("Verify", "Sysroot", "Kernel", "Compile", "Check", "Archive");
    Map<String, Object> common = Map.of("board", "demo", "out", "askbuild-out", "target", "dist");
    assertThat(argsOf("askVerify")).containsExactly(common);
    assertThat(argsOf("askSysroot")).containsExactly(common);
    assertThat(argsOf("askKernel")).containsExactly(common);
    assertThat(argsOf("askCompile")).containsExactly(common);
    assertThat(argsOf("askCheck")).containsExactly(common);
    assertThat(argsOf("node")).containsExactly("");
    assertThat(argsOf("checkout")).hasSize(1);
    assertThat(argsOf("archiveArtifacts")).containsExactly(Map.of(
        "artifacts", "askbuild-out/dist/**, askbuild-out/reports/**", "fingerprint", true, "allowEmptyArchive", true));
    assertThat(argsOf("junit")).containsExactly(Map.of("testResults", "askbuild-out/reports/checks.xml", "allowEmptyResults", true));
    assertThat(steps()).containsSubsequence("properties", "node", "askVerify", "askSysroot", "askKernel", "askCompile",
        "askCheck", "archiveArtifacts", "junit");
    assertThat(argsOf("sh")).isEmpty();
  }

  @Test
  void nightlyByDefaultOverridableAndOff() {
    run(Map.of("board", "demo"));
    assertThat(argsOf("properties")).containsExactly(List.of(Map.of("pipelineTriggers", List.of(Map.of("cron", "H 2 * * *")))));
    calls().clear();
    run(Map.of("board", "demo", "nightly", "H 4 * * 1-5"));
    assertThat(argsOf("properties")).containsExactly(List.of(Map.of("pipelineTriggers", List.of(Map.of("cron", "H 4 * * 1-5")))));
    calls().clear();
    run(Map.of("board", "demo", "nightly", false));
    assertThat(argsOf("properties")).containsExactly(List.of(Map.of("pipelineTriggers", List.of())));
  }

  @Test
  void aFailingCheckFailsTheBuildButReportsAreArchivedAndJunitRecorded() {
    failing("askCheck", "askCheck failed (exit 1): vermagic mismatch in alpha.ko");
    assertThatThrownBy(() -> run(Map.of("board", "demo"))).hasMessage("askCheck failed (exit 1): vermagic mismatch in alpha.ko");
    assertThat(steps()).containsSubsequence("askCheck", "stage", "archiveArtifacts", "junit");
    assertThat(argsOf("stage")).endsWith("Check", "Archive");
  }

  @Test
  void aFailingKernelStopsTheLaterStagesButStillArchives() {
    failing("askKernel", "askKernel failed (exit 3): missing flex");
    assertThatThrownBy(() -> run(Map.of("board", "demo"))).hasMessageContaining("missing flex");
    assertThat(argsOf("stage")).containsExactly("Verify", "Sysroot", "Kernel", "Archive");
    assertThat(steps()).doesNotContain("askCompile", "askCheck").contains("archiveArtifacts", "junit");
  }

  @Test
  void optionsReachTheSteps() {
    run(Map.of("board", "mono-gateway", "packages", "vendor/packages", "out", "out/mg", "agent", "arm-cross",
        "target", "modules", "epoch", 1700000000, "stages", "verify,compile,check",
        "signatureCredentialsId", "cred-sig", "keyringCredentialsId", "cred-keys",
        "privateTarballs", List.of(Map.of("credentialsId", "cred-ask", "name", "ASK-mt-6.12.49-2.2.0.tar.gz"))));
    assertThat(argsOf("node")).containsExactly("arm-cross");
    assertThat(argsOf("stage")).containsExactly("Verify", "Compile", "Check", "Archive");
    assertThat(argsOf("askVerify")).containsExactly(Map.of("board", "mono-gateway", "out", "out/mg", "target", "modules",
        "packages", "vendor/packages", "epoch", 1700000000L, "signatureCredentialsId", "cred-sig", "keyringCredentialsId", "cred-keys",
        "privateTarballs", List.of(Map.of("credentialsId", "cred-ask", "name", "ASK-mt-6.12.49-2.2.0.tar.gz"))));
    assertThat(argsOf("askCompile").get(0)).isInstanceOfSatisfying(Map.class, m -> assertThat(m).containsEntry("target", "modules"));
    assertThat(argsOf("askCheck")).containsExactly(Map.of("board", "mono-gateway", "out", "out/mg", "target", "modules"));
    assertThat(argsOf("junit")).containsExactly(Map.of("testResults", "out/mg/reports/checks.xml", "allowEmptyResults", true));
  }

  /** The plugin's stage steps, as the harness binds them. */
  static final List<String> STAGE_STEPS = List.of("askVerify", "askSysroot", "askKernel", "askCompile", "askCheck");

  /** Every stage step called, each with the run's target and components (the engine refuses another run's state). */
  void everyStepGot(String target, String components, List<String> expectedSteps) {
    List<String> called = steps().stream().filter(STAGE_STEPS::contains).toList();
    assertThat(called).containsExactlyElementsOf(expectedSteps);
    for (String step : called) {
      assertThat(argsOf(step)).as(step).singleElement().isInstanceOfSatisfying(Map.class, m -> {
        assertThat(m).as(step).containsEntry("target", target);
        if (components == null) {
          assertThat(m).as(step).doesNotContainKey("components");
        } else {
          assertThat(m).as(step).containsEntry("components", components);
        }
      });
    }
  }

  @Test
  void targetAndComponentsReachEveryStep() {
    run(Map.of("board", "demo", "target", "modules", "components", "alpha,beta"));
    everyStepGot("modules", "alpha,beta", STAGE_STEPS);
    assertThat(argsOf("stage")).containsExactly("Verify", "Sysroot", "Kernel", "Compile", "Check", "Archive");

    // A list is the same selection, joined as the engine's --components takes it.
    calls().clear();
    run(Map.of("board", "mono-gateway", "packages", "pk", "components", List.of("cdx", "fci")));
    everyStepGot("dist", "cdx,fci", STAGE_STEPS);

    calls().clear();
    run(Map.of("board", "demo"));
    everyStepGot("dist", null, STAGE_STEPS);
  }

  @Test
  void theUserspaceTargetRunsNoKernelStage() {
    run(Map.of("board", "mono-gateway", "packages", "pk", "target", "userspace", "components", "libfci,cmm"));
    assertThat(argsOf("stage")).containsExactly("Verify", "Sysroot", "Compile", "Check", "Archive");
    everyStepGot("userspace", "libfci,cmm", List.of("askVerify", "askSysroot", "askCompile", "askCheck"));

    // All stages named: as the engine plans it, the kernel is not one of a userspace build's.
    calls().clear();
    run(Map.of("board", "demo", "target", "userspace", "stages", List.of("verify", "sysroot", "kernel", "compile", "check")));
    everyStepGot("userspace", null, List.of("askVerify", "askSysroot", "askCompile", "askCheck"));

    // A subset naming it is a mistake, refused before any stage.
    calls().clear();
    assertThatThrownBy(() -> run(Map.of("board", "demo", "target", "userspace", "stages", "kernel,compile")))
        .hasMessage("askBuild: parameter 'stages' names kernel, but the userspace target builds without a kernel");
    assertThat(steps()).containsExactly("error");
  }

  @Test
  void dockerModePassesComponentsThroughTheEnvironment() {
    run(Map.of("board", "demo", "docker", true, "components", List.of("hello")));
    List<Object> scripts = argsOf("sh");
    assertThat(scripts).hasSize(1);
    assertThat((String) scripts.get(0)).contains(" ${ASKBUILD_COMPONENTS:+--components \"$ASKBUILD_COMPONENTS\"}")
        .doesNotContain("hello");
    Map<String, Object> sh = calls().stream().filter(c -> c.get("step").equals("sh")).findFirst().orElseThrow();
    assertThat(sh.get("env")).isInstanceOfSatisfying(Map.class, env -> assertThat(env).containsEntry("ASKBUILD_COMPONENTS", "hello"));

    calls().clear();
    run(Map.of("board", "demo", "docker", true));
    sh = calls().stream().filter(c -> c.get("step").equals("sh")).findFirst().orElseThrow();
    assertThat(sh.get("env")).isInstanceOfSatisfying(Map.class, env -> assertThat(env).doesNotContainKey("ASKBUILD_COMPONENTS"));
  }

  @Test
  void dockerModeRunsAskbuildDockerWithValuesOnlyInTheEnvironment() {
    run(Map.of("board", "mono-gateway", "packages", "pk;$(id)", "docker", true,
        "privateTarballs", List.of(Map.of("credentialsId", "cred-ask", "name", "ASK.tar.gz"))));
    assertThat(argsOf("stage")).containsExactly("Docker build", "Archive");
    assertThat(steps()).doesNotContain("askVerify", "askSysroot", "askKernel", "askCompile", "askCheck");
    List<Object> scripts = argsOf("sh");
    assertThat(scripts).hasSize(1);
    assertThat((String) scripts.get(0)).startsWith("bin/askbuild docker --board \"$ASKBUILD_BOARD\" --out \"$ASKBUILD_OUT\"")
        .contains("--packages \"$ASKBUILD_PACKAGES\"")
        .contains("--secret \"$ASKBUILD_PRIVATE_NAME_0=$ASKBUILD_PRIVATE_0\"")
        .doesNotContain("mono-gateway", "pk;", "ASK.tar.gz", "cred-", "$(id)").doesNotContain(MARKER);
    Map<String, Object> sh = calls().stream().filter(c -> c.get("step").equals("sh")).findFirst().orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, String> env = (Map<String, String>) sh.get("env");
    assertThat(env).containsEntry("ASKBUILD_BOARD", "mono-gateway").containsEntry("ASKBUILD_PACKAGES", "pk;$(id)")
        .containsEntry("ASKBUILD_PRIVATE_NAME_0", "ASK.tar.gz").containsKeys("ASKBUILD_PRIVATE_0");
    assertThat(argsOf("withCredentials").get(0)).asString().contains("credentialsId=cred-ask");
  }

  @Test
  void optionsDockerModeCannotHonourAreRefusedBeforeAnyStage() {
    for (Map<String, Object> args : List.<Map<String, Object>>of(
        Map.of("board", "demo", "docker", true, "signatureCredentialsId", "s", "keyringCredentialsId", "k"),
        Map.of("board", "demo", "docker", true, "stages", "verify"),
        Map.of("board", "demo", "docker", true, "target", "userspace"))) {
      calls().clear();
      assertThatThrownBy(() -> run(args)).hasMessageContaining("docker mode");
      assertThat(argsOf("stage")).isEmpty();
    }
  }

  @Test
  void noCredentialValueReachesAnyStepArgumentOrEnvironment() {
    Map<String, Object> creds = Map.of("signatureCredentialsId", "cred-sig", "keyringCredentialsId", "cred-keys",
        "privateTarballs", List.of(Map.of("credentialsId", "cred-ask", "name", "ASK.tar.gz")));
    for (boolean docker : new boolean[] {false, true}) {
      calls().clear();
      Map<String, Object> args = new java.util.HashMap<>(creds);
      args.put("board", "demo");
      args.put("docker", docker);
      if (docker) {
        // docker mode takes private tarballs only (no signed list yet).
        args.remove("signatureCredentialsId");
        args.remove("keyringCredentialsId");
      }
      run(args);
      assertThat(calls()).isNotEmpty();
      assertThat(calls().toString()).as("docker=" + docker).doesNotContain(MARKER);
    }
    // The secrets were bound (as files) in docker mode, so the check above had something to find.
    assertThat(dir.toFile().list()).isNotEmpty();
  }

  @Test
  void badOptionsFailBeforeAnyStageNamingTheOption() {
    Object[][] cases = {
      {Map.of("board", "mono-gatway"), "parameter 'board' names no known board: 'mono-gatway'"},
      {Map.of(), "parameter 'board' is required"},
      {Map.of("board", "demo", "bord", "x"), "unknown parameter 'bord'"},
      {Map.of("board", "demo", "docker", "yes"), "parameter 'docker' must be a Boolean, got String"},
      {Map.of("board", "mono-gateway"), "parameter 'packages' is required for board mono-gateway"},
      {Map.of("board", "demo", "stages", "verify,link"), "unknown stage 'link'"},
      {Map.of("board", "demo", "target", "all"), "parameter 'target' must be one of"},
      {Map.of("board", "demo", "components", "cdx, fci"), "parameter 'components' must be component names ([A-Za-z0-9_]+) separated by commas without spaces"},
      {Map.of("board", "demo", "components", "cdx;id"), "parameter 'components' must be component names"},
      {Map.of("board", "demo", "components", ",cdx"), "parameter 'components' must be component names"},
      {Map.of("board", "demo", "components", List.of("cdx", "fci,cmm ")), "parameter 'components' must be component names"},
      {Map.of("board", "demo", "components", List.of("cdx", 5)), "parameter 'components' must be a comma-separated string or a list of strings"},
      {Map.of("board", "demo", "components", 5), "parameter 'components' must be a comma-separated string or a list of strings, got Integer"},
      {Map.of("board", "demo", "out", "../x"), "parameter 'out' must be a path inside the workspace"},
      {Map.of("board", "demo", "signatureCredentialsId", "cred-sig"), "'signatureCredentialsId' and 'keyringCredentialsId' go together"},
      {Map.of("board", "demo", "privateTarballs", List.of(Map.of("name", "x"))), "parameter 'privateTarballs[0]'"},
      {Map.of("board", "demo", "nightly", 5), "parameter 'nightly' must be a"},
    };
    for (Object[] c : cases) {
      calls().clear();
      @SuppressWarnings("unchecked")
      Map<String, Object> args = (Map<String, Object>) c[0];
      assertThatThrownBy(() -> run(args)).as(args.toString()).hasMessageContaining((String) c[1]);
      assertThat(steps()).as(args.toString()).containsExactly("error");
    }
  }

  @Test
  void theScriptKnowsTheEnginesBoards() throws Exception {
    assertThat(Files.readString(SCRIPT.toPath()))
        .contains("BOARDS = [" + String.join(", ", Boards.names().stream().sorted().map(b -> "'" + b + "'").toList()) + "]");
  }
}
