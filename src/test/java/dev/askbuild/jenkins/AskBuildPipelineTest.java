package dev.askbuild.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * vars/askBuild.groovy in the test's pipeline harness (steps bound to recorders, askEngine answered
 * by the real engine's plan).
 */
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

  @SuppressWarnings("unchecked")
  Map<String, String> envAt(String step, int index) {
    return (Map<String, String>) calls().stream().filter(c -> c.get("step").equals(step)).toList().get(index).get("env");
  }

  static Map<String, Object> map(Object... pairs) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  static final String JAR = "/agent/askbuild-engine/0a1b/askbuild.jar";

  @Test
  void oneLineRunsTheStagesInOrderTheLongOnesAsShellSteps() {
    run(Map.of("board", "demo"));
    assertThat(argsOf("stage")).containsExactly("Verify", "Sysroot", "Kernel", "Compile", "Check", "Archive");
    assertThat(argsOf("askEngine")).containsExactly(Map.of("board", "demo", "target", "dist"));
    Map<String, Object> common = Map.of("board", "demo", "out", "askbuild-out", "target", "dist");
    assertThat(argsOf("askVerify")).containsExactly(common);
    assertThat(argsOf("askCheck")).containsExactly(common);
    List<Object> lines = argsOf("sh");
    assertThat(lines).hasSize(3);
    List<String> commands = List.of("sysroot", "kernel", "compile");
    for (int i = 0; i < 3; i++) {
      assertThat((String) lines.get(i)).startsWith("exec \"$ASKBUILD_JAVA\" -jar \"$ASKBUILD_JAR\" " + commands.get(i)
          + " --board \"$ASKBUILD_BOARD\" --out \"$ASKBUILD_OUT\" --target \"$ASKBUILD_TARGET\"");
      assertThat(envAt("sh", i)).containsEntry("ASKBUILD_JAR", JAR).containsEntry("ASKBUILD_BOARD", "demo")
          .containsEntry("ASKBUILD_OUT", "askbuild-out").containsEntry("ASKBUILD_TARGET", "dist")
          .doesNotContainKeys("ASKBUILD_PACKAGES", "ASKBUILD_EPOCH", "ASKBUILD_COMPONENTS");
    }
    assertThat((String) lines.get(1)).contains("${ASKBUILD_JOBS:+--jobs \"$ASKBUILD_JOBS\"}");
    assertThat(argsOf("node")).containsExactly("");
    assertThat(argsOf("checkout")).hasSize(1);
    assertThat(argsOf("archiveArtifacts")).containsExactly(Map.of(
        "artifacts", "askbuild-out/dist/**, askbuild-out/reports/**", "fingerprint", true, "allowEmptyArchive", true));
    assertThat(argsOf("junit")).containsExactly(Map.of("testResults", "askbuild-out/reports/checks.xml", "allowEmptyResults", true));
    assertThat(steps()).containsSubsequence("node", "checkout", "askEngine", "properties", "askVerify", "sh", "sh", "sh",
        "askCheck", "archiveArtifacts", "junit");
    assertThat(steps()).doesNotContain("withCredentials", "error");
  }

  /** Issue 21 item 3: the check compares with the last successful build's archived reports, when there is one. */
  @Test
  void theCheckComparesWithTheLastSuccessfulBuildsArchivedReports() {
    run(Map.of("board", "demo"));
    assertThat(argsOf("askBaseline")).containsExactly(Map.of("reports", "askbuild-out/reports"));
    assertThat(argsOf("askCheck")).containsExactly(Map.of("board", "demo", "out", "askbuild-out", "target", "dist"));
    assertThat(steps()).containsSubsequence("sh", "askBaseline", "askCheck", "archiveArtifacts");

    calls().clear();
    harness.setProperty("baseline", Map.of("dir", "/agent/workspace/job/askbuild-baseline", "build", 41));
    run(Map.of("board", "demo", "out", "o", "failOnAbiChange", true));
    assertThat(argsOf("askBaseline")).containsExactly(Map.of("reports", "o/reports"));
    assertThat(argsOf("askCheck")).containsExactly(Map.of("board", "demo", "out", "o", "target", "dist",
        "baseline", "/agent/workspace/job/askbuild-baseline", "baselineBuild", 41, "failOnAbiChange", true));

    // failOnAbiChange is a Boolean, and docker mode's check is inside its one BuildKit build.
    assertThatThrownBy(() -> run(Map.of("board", "demo", "failOnAbiChange", "yes")))
        .hasMessageContaining("parameter 'failOnAbiChange' must be a Boolean, got String");
    assertThatThrownBy(() -> run(Map.of("board", "demo", "docker", true, "failOnAbiChange", true)))
        .hasMessageContaining("parameter 'failOnAbiChange' is not available in docker mode");
  }

  /** Defect 5: properties (workflow-multibranch), junit and checkout scm are used only where Jenkins has them. */
  @Test
  void withoutTheOptionalPluginsNorAnScmTheBuildStillRunsAndSaysWhatItLeftOut() {
    harness.setProperty("available", List.of());
    harness.setProperty("scm", false);
    run(Map.of("board", "demo"));
    assertThat(steps()).doesNotContain("properties", "junit", "checkout", "error");
    assertThat(argsOf("stage")).containsExactly("Verify", "Sysroot", "Kernel", "Compile", "Check", "Archive");
    assertThat(argsOf("echo")).containsExactly(
        "askBuild: no nightly trigger set: the properties step (plugin workflow-multibranch) is not installed",
        "askBuild: askbuild-out/reports/checks.xml not published: the junit plugin is not installed");

    // A nightly asked for explicitly cannot be honoured without it: said before any stage.
    calls().clear();
    assertThatThrownBy(() -> run(Map.of("board", "demo", "nightly", "H 4 * * *")))
        .hasMessageContaining("parameter 'nightly' needs the properties step");
    assertThat(argsOf("stage")).containsExactly("Archive");
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
    failing("sh:kernel", "script returned exit code 3");
    assertThatThrownBy(() -> run(Map.of("board", "demo"))).hasMessageContaining("exit code 3");
    assertThat(argsOf("stage")).containsExactly("Verify", "Sysroot", "Kernel", "Archive");
    assertThat(steps()).doesNotContain("askCheck").contains("archiveArtifacts", "junit");
    assertThat(argsOf("sh")).hasSize(2);
  }

  @Test
  void optionsReachTheStepsAndTheShellLinesOnlyThroughTheEnvironment() {
    run(map("board", "mono-gateway", "packages", "vendor/packages", "out", "out/mg", "agent", "arm-cross",
        "target", "modules", "epoch", 1700000000, "stages", "verify,compile,check", "jobs", 6, "cache", "/var/cache/ab",
        "signatureCredentialsId", "cred-sig", "keyringCredentialsId", "cred-keys",
        "privateTarballs", List.of(Map.of("credentialsId", "cred-ask", "name", "ASK-mt-6.12.49-2.2.0.tar.gz"))));
    assertThat(argsOf("node")).containsExactly("arm-cross");
    assertThat(argsOf("askEngine")).containsExactly(Map.of("board", "mono-gateway", "target", "modules",
        "stages", "verify,compile,check"));
    assertThat(argsOf("stage")).containsExactly("Verify", "Compile", "Check", "Archive");
    Map<String, String> env = envAt("askVerify", 0);
    assertThat(argsOf("askVerify")).containsExactly(map("board", "mono-gateway", "out", "out/mg", "target", "modules",
        "packages", "vendor/packages", "cache", "/var/cache/ab", "epoch", 1700000000L,
        "signature", env.get("ASKBUILD_SIGNATURE"), "keyring", env.get("ASKBUILD_KEYRING"),
        "privateFiles", "ASK-mt-6.12.49-2.2.0.tar.gz=" + env.get("ASKBUILD_PRIVATE_0")));
    assertThat(env.get("ASKBUILD_SIGNATURE")).startsWith(dir.toString());
    String compile = (String) argsOf("sh").get(0);
    assertThat(compile).startsWith("exec \"$ASKBUILD_JAVA\" -jar \"$ASKBUILD_JAR\" compile ")
        .contains("--private \"$ASKBUILD_PRIVATE_NAME_0=$ASKBUILD_PRIVATE_0\"")
        .doesNotContain("mono-gateway", "vendor", "1700000000", "ASK-mt", "cred-", "/var/cache");
    assertThat(envAt("sh", 0)).containsEntry("ASKBUILD_PACKAGES", "vendor/packages").containsEntry("ASKBUILD_EPOCH", "1700000000")
        .containsEntry("ASKBUILD_JOBS", "6").containsEntry("ASKBUILD_CACHE", "/var/cache/ab")
        .containsEntry("ASKBUILD_PRIVATE_NAME_0", "ASK-mt-6.12.49-2.2.0.tar.gz").containsKey("ASKBUILD_PRIVATE_0");
    assertThat(argsOf("askCheck")).containsExactly(Map.of("board", "mono-gateway", "out", "out/mg", "target", "modules"));
    assertThat(argsOf("junit")).containsExactly(Map.of("testResults", "out/mg/reports/checks.xml", "allowEmptyResults", true));
    // Every secret is bound once around the stages, by credentials-binding.
    assertThat(argsOf("withCredentials")).hasSize(1);
    assertThat(argsOf("withCredentials").get(0)).asString().contains("cred-sig", "cred-keys", "cred-ask");
  }

  @Test
  void targetAndComponentsReachEveryStage() {
    run(Map.of("board", "demo", "target", "modules", "components", "alpha,beta"));
    assertThat(argsOf("stage")).containsExactly("Verify", "Sysroot", "Kernel", "Compile", "Check", "Archive");
    for (String step : List.of("askVerify", "askCheck")) {
      assertThat(argsOf(step)).as(step).singleElement().isInstanceOfSatisfying(Map.class,
          m -> assertThat(m).containsEntry("target", "modules").containsEntry("components", "alpha,beta"));
    }
    for (int i = 0; i < 3; i++) {
      assertThat(envAt("sh", i)).containsEntry("ASKBUILD_TARGET", "modules").containsEntry("ASKBUILD_COMPONENTS", "alpha,beta");
    }
    // A list is the same selection, joined as the engine's --components takes it.
    calls().clear();
    run(Map.of("board", "demo", "components", List.of("alpha", "beta")));
    assertThat(argsOf("askEngine")).containsExactly(Map.of("board", "demo", "target", "dist", "components", "alpha,beta"));
  }

  @Test
  void theUserspaceTargetRunsNoKernelStageAsTheEnginePlansIt() {
    run(Map.of("board", "demo", "target", "userspace"));
    assertThat(argsOf("stage")).containsExactly("Verify", "Sysroot", "Compile", "Check", "Archive");
    assertThat(argsOf("sh")).hasSize(2).noneMatch(l -> l.toString().contains(" kernel "));

    // All stages named: the kernel is not one of a userspace build's.
    calls().clear();
    run(Map.of("board", "demo", "target", "userspace", "stages", List.of("verify", "sysroot", "kernel", "compile", "check")));
    assertThat(argsOf("stage")).containsExactly("Verify", "Sysroot", "Compile", "Check", "Archive");

    // A subset naming it is a mistake, refused by the engine before any stage.
    calls().clear();
    assertThatThrownBy(() -> run(Map.of("board", "demo", "target", "userspace", "stages", "kernel,compile")))
        .hasMessage("askBuild: error: --stages names kernel, but the userspace target builds without a kernel");
    assertThat(argsOf("stage")).containsExactly("Archive");
    assertThat(steps()).doesNotContain("askVerify", "sh", "askCheck");
  }

  @Test
  void dockerModeRunsTheEnginesDockerCommandFromThePluginsJarInAnyWorkspace() {
    run(Map.of("board", "mono-gateway", "packages", "pk;$(id)", "docker", true, "components", List.of("cdx"),
        "privateTarballs", List.of(Map.of("credentialsId", "cred-ask", "name", "ASK.tar.gz"))));
    assertThat(argsOf("stage")).containsExactly("Docker build", "Archive");
    assertThat(steps()).doesNotContain("askVerify", "askCheck");
    List<Object> scripts = argsOf("sh");
    assertThat(scripts).hasSize(1);
    assertThat((String) scripts.get(0)).startsWith("exec \"$ASKBUILD_JAVA\" -jar \"$ASKBUILD_JAR\" docker --board \"$ASKBUILD_BOARD\" --out \"$ASKBUILD_OUT\"")
        .contains("--packages \"$ASKBUILD_PACKAGES\"")
        .contains(" ${ASKBUILD_COMPONENTS:+--components \"$ASKBUILD_COMPONENTS\"}")
        .contains("--secret \"$ASKBUILD_PRIVATE_NAME_0=$ASKBUILD_PRIVATE_0\"")
        .doesNotContain("bin/askbuild", "mono-gateway", "pk;", "ASK.tar.gz", "cred-", "$(id)", "cdx").doesNotContain(MARKER);
    assertThat(envAt("sh", 0)).containsEntry("ASKBUILD_BOARD", "mono-gateway").containsEntry("ASKBUILD_PACKAGES", "pk;$(id)")
        .containsEntry("ASKBUILD_JAR", JAR).containsEntry("ASKBUILD_COMPONENTS", "cdx")
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
    // The secrets were bound (as files), so the check above had something to find.
    assertThat(dir.toFile().list()).isNotEmpty();
  }

  /** askBuild's own options (names, types, shapes) are its to check, before anything runs. */
  @Test
  void badOptionShapesFailBeforeAnyStepNamingTheOption() {
    Object[][] cases = {
      {Map.of(), "parameter 'board' is required"},
      {Map.of("board", "demo", "bord", "x"), "unknown parameter 'bord'"},
      {Map.of("board", "demo", "docker", "yes"), "parameter 'docker' must be a Boolean, got String"},
      {Map.of("board", "demo", "components", List.of("cdx", 5)), "parameter 'components' must be a comma-separated string or a list of strings"},
      {Map.of("board", "demo", "components", 5), "parameter 'components' must be a Object"},
      {Map.of("board", "demo", "epoch", 1.5), "parameter 'epoch' must be a whole number"},
      {Map.of("board", "demo", "out", "../x"), "parameter 'out' must be a path inside the workspace"},
      {Map.of("board", "demo", "signatureCredentialsId", "cred-sig"), "'signatureCredentialsId' and 'keyringCredentialsId' go together"},
      {Map.of("board", "demo", "privateTarballs", List.of(Map.of("name", "x"))), "parameter 'privateTarballs[0]'"},
      {Map.of("board", "demo", "nightly", 5), "parameter 'nightly' must be a"},
    };
    for (Object[] c : cases) {
      calls().clear();
      @SuppressWarnings("unchecked")
      Map<String, Object> args = (Map<String, Object>) c[0];
      if (c[1].toString().contains("must be a Object")) {
        // Any object is accepted by type; the list-or-string rule names it.
        assertThatThrownBy(() -> run(args)).as(args.toString()).hasMessageContaining("got Integer");
      } else {
        assertThatThrownBy(() -> run(args)).as(args.toString()).hasMessageContaining((String) c[1]);
      }
      assertThat(steps()).as(args.toString()).containsExactly("error");
    }
  }

  /** The values are the engine's to judge: askEngine fails with its words, before any stage. */
  @Test
  void valuesTheEngineRefusesFailAtAskEngineInTheEnginesWords() {
    Object[][] cases = {
      {Map.of("board", "mono-gatway"), "askBuild: error: unknown board 'mono-gatway'; known boards: "},
      {Map.of("board", "demo", "stages", "verify,link"), "unknown stage 'link'"},
      {Map.of("board", "demo", "target", "all"), "--target must be userspace, modules or dist, got 'all'"},
      {Map.of("board", "demo", "components", "nosuch"), "--components: unknown component 'nosuch'"},
    };
    for (Object[] c : cases) {
      calls().clear();
      @SuppressWarnings("unchecked")
      Map<String, Object> args = (Map<String, Object>) c[0];
      assertThatThrownBy(() -> run(args)).as(args.toString()).hasMessageContaining((String) c[1]);
      assertThat(argsOf("stage")).as(args.toString()).containsExactly("Archive");
      assertThat(steps()).as(args.toString()).doesNotContain("askVerify", "sh", "askCheck", "error");
    }
  }

  /** One source: the copy the plugin contributes as askBuild (the build's resource) is vars/askBuild.groovy. */
  @Test
  void theGroovyThePluginLoadsIsVarsAskBuild() throws Exception {
    try (var in = getClass().getResourceAsStream("/askBuild.groovy")) {
      assertThat(in).as("askBuild.groovy on the class path (the plugin jar's copy)").isNotNull();
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(SCRIPT.toPath()));
    }
  }

  /** Nothing in the script repeats the engine's lists: boards, targets, components are asked for. */
  @Test
  void theScriptKeepsNoCopyOfTheEnginesRules() throws Exception {
    String text = Files.readString(SCRIPT.toPath());
    assertThat(text).doesNotContain("'userspace'", "'modules'", "[A-Za-z0-9_]", "needsKernel")
        .doesNotContain("BOARDS", "TARGETS");
  }
}
