package dev.askbuild.jenkins.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.fixture.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each step's adapter driven end to end on the demo board: the engine jar placed in a directory
 * standing for the agent and run there as the step runs it (short stages through
 * {@link StageRunner}, long ones through the durable shell line and {@link DurableStage#finish}),
 * the returned maps asserted; a failing stage gives the engine's exit code and message.
 */
class StagesEndToEndTest {
  @TempDir Path dir;
  Workspaces agent;
  EngineJar jar;
  LocalProcess process = new LocalProcess();
  ByteArrayOutputStream log = new ByteArrayOutputStream();
  Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    agent = Workspaces.in(dir);
    jar = EngineJar.ofFile(TestEngine.jar());
    env = new HashMap<>(System.getenv());
  }

  Map<String, Object> params(Object... pairs) throws Exception {
    Map<String, Object> p = new HashMap<>(Map.of("board", "demo", "cache", Fixtures.cache().toString(), "epoch", Fixtures.EPOCH));
    for (int i = 0; i < pairs.length; i += 2) {
      p.put((String) pairs[i], pairs[i + 1]);
    }
    return p;
  }

  Map<String, Serializable> sync(StepKind kind, Map<String, Object> params, List<SecretSource> secrets) throws Exception {
    return StageRunner.run(StepConfig.of(kind, params), agent.agent(TestEngine.java()), process, jar, secrets, env,
        new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  /** As the durable task runs it: the fixed line in /bin/sh with the plan's variables. */
  Map<String, Serializable> durable(StepKind kind, Map<String, Object> params) throws Exception {
    DurableStage.Plan plan = DurableStage.prepare(StepConfig.of(kind, params), agent.agent(TestEngine.java()), jar,
        List.of(), new PrintStream(log, true, StandardCharsets.UTF_8));
    Map<String, String> shellEnv = new HashMap<>(env);
    shellEnv.putAll(DurableStage.variables(plan));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = process.run(List.of("/bin/sh", "-c", plan.script()), shellEnv, agent.workspace().toString(),
        OutputStreamNull.INSTANCE, err);
    log.writeBytes(err.toByteArray());
    return DurableStage.finish(plan, new LocalAgentFiles(), exit);
  }

  @Test
  void demoBoardStepByStep() throws Exception {
    Map<String, Object> none = params();
    Map<String, Serializable> verify = sync(StepKind.VERIFY, none, List.of());
    assertThat(verify).containsEntry("status", "ok").containsEntry("exitCode", 0).containsEntry("command", "verify")
        .containsEntry("board", "demo").containsEntry("passed", true);

    Map<String, Serializable> sysroot = durable(StepKind.SYSROOT, none);
    assertThat(sysroot).containsEntry("status", "ok").containsEntry("command", "sysroot").containsKey("sysroot");
    assertThat(Path.of((String) sysroot.get("sysroot"))).isDirectory();

    Map<String, Serializable> kernel = durable(StepKind.KERNEL, none);
    assertThat(kernel).containsEntry("status", "ok").containsEntry("command", "kernel").containsKeys("tree", "release");
    assertThat(Path.of((String) kernel.get("tree")).resolve(".config")).isRegularFile();

    Map<String, Serializable> compile = durable(StepKind.COMPILE, none);
    assertThat(compile).containsEntry("status", "ok").containsEntry("command", "compile").containsKey("dist");
    assertThat(agent.workspace().resolve("askbuild-out/dist/alpha.ko")).isRegularFile();

    Map<String, Serializable> check = sync(StepKind.CHECK, Map.of("board", "demo"), List.of());
    assertThat(check).containsEntry("status", "ok").containsEntry("command", "check").containsEntry("passed", true)
        .containsEntry("failedChecks", 0);
    Path reports = agent.workspace().resolve("askbuild-out/reports");
    assertThat(reports.resolve("report.html")).isRegularFile();
    CheckSummary summary = CheckSummary.fromChecksJson(Files.readString(reports.resolve("checks.json")), "askbuild-out");
    assertThat(summary.passed()).isTrue();
    assertThat(summary.rows()).extracting(CheckSummary.Row::artifact).contains("alpha.ko");

    // The engine was copied once, by hash, under the agent's root, and every stage ran that copy.
    // (Short stages name it on their argument list, durable ones in their line's environment.)
    String placed = agent.root() + "/askbuild-engine/" + jar.sha256() + "/askbuild.jar";
    assertThat(process.commands).hasSize(5);
    for (int i = 0; i < process.commands.size(); i++) {
      List<String> argv = process.commands.get(i);
      assertThat(argv.get(0).equals("/bin/sh") ? process.environments.get(i).get("ASKBUILD_ARG_2") : argv.get(2))
          .isEqualTo(placed);
    }
    assertThat(agent.tempDir().resolve("secretFiles")).isEmptyDirectory();
  }

  @Test
  void aSelectionReachesEveryStageAndAStepGivenAnotherIsRefused() throws Exception {
    // hello is built against libgreet and libdemo: the sysroot is the whole demo build's (a cache hit).
    Object[] selection = {"out", "sel", "target", "userspace", "components", "hello"};
    assertThat(sync(StepKind.VERIFY, params(selection), List.of())).containsEntry("status", "ok");
    assertThat(durable(StepKind.SYSROOT, params(selection))).containsEntry("status", "ok");
    assertThat(durable(StepKind.COMPILE, params(selection))).containsEntry("status", "ok");
    Path dist = agent.workspace().resolve("sel/dist");
    assertThat(dist.resolve("hello")).isRegularFile();
    assertThat(dist.resolve("alpha.ko")).doesNotExist();

    // The state files name the run: a check of another selection is refused, the same one passes.
    assertThatThrownBy(() -> sync(StepKind.CHECK, Map.of("board", "demo", "out", "sel", "target", "userspace",
            "components", "libgreet"), List.of()))
        .isInstanceOfSatisfying(StageFailedException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(2);
          assertThat(e.getMessage()).startsWith("askCheck failed (exit 2): ").contains("belongs to another run")
              .contains("target userspace components hello,libgreet");
        });
    assertThat(sync(StepKind.CHECK, Map.of("board", "demo", "out", "sel", "target", "userspace", "components", "hello"),
        List.of())).containsEntry("status", "ok").containsEntry("passed", true);
    // Nothing ran the kernel stage; the step refuses it for this target before any work.
    assertThatThrownBy(() -> StepConfig.of(StepKind.KERNEL, params(selection))).isInstanceOf(ParameterException.class);
    assertThat(agent.workspace().resolve("sel/state/kernel.json")).doesNotExist();
  }

  @Test
  void aFailingStageGivesTheEnginesExitCodeAndMessage() throws Exception {
    // check before any compile: the engine names the command to run first (exit 2).
    assertThatThrownBy(() -> sync(StepKind.CHECK, Map.of("board", "demo", "out", "nothing-yet"), List.of()))
        .isInstanceOfSatisfying(StageFailedException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(2);
          assertThat(e.getMessage()).startsWith("askCheck failed (exit 2): ").contains("compile");
        });
  }

  @Test
  void aSecretTheEngineRejectsMidwayLeavesNothingBehind() throws Exception {
    String marker = "MARKER-e2e-5a17-not-a-signature";
    List<SecretSource> secrets = List.of(source("sig", marker), source("keys", marker + "-keyring"));
    assertThatThrownBy(() -> sync(StepKind.VERIFY, params("signatureCredentialsId", "sig", "keyringCredentialsId", "keys"), secrets))
        .isInstanceOfSatisfying(StageFailedException.class, e -> {
          assertThat(e.exitCode()).isIn(1, 2);
          assertThat(e.getMessage()).startsWith("askVerify failed (exit " + e.exitCode() + "): ").doesNotContain(marker);
          assertThat(e.result().toString()).doesNotContain(marker);
        });
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(marker);
    assertThat(process.commands.toString()).doesNotContain(marker);
    assertThat(process.environments.toString()).doesNotContain(marker);
    assertThat(agent.filesContaining(marker)).isEmpty();
    assertThat(agent.tempDir().resolve("secretFiles")).isEmptyDirectory();
  }

  static SecretSource source(String id, String content) {
    return new SecretSource() {
      @Override public String credentialsId() {
        return id;
      }

      @Override public java.io.InputStream open() {
        return new java.io.ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  /** Stdout of the durable line is the result file; nothing else is printed there. */
  static final class OutputStreamNull extends java.io.OutputStream {
    static final OutputStreamNull INSTANCE = new OutputStreamNull();

    @Override
    public void write(int b) {
      throw new AssertionError("the durable line's stdout goes to the result file");
    }
  }
}
