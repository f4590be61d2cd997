package dev.askbuild.jenkins.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secret-file lifecycle around a stage, with credentials whose content is a marker: the file
 * exists (0400 in a 0700 directory) only while the engine runs, and the marker is nowhere else —
 * log, command line, environment, serialized state, returned map, the agent's files — whether the
 * stage succeeds, fails, or the agent dies midway. The engine here is a stand-in that reads the
 * files and, misbehaving on purpose, echoes them to stderr.
 */
class SecretLifecycleTest {
  static final String MARKER = "MARKER-6c1f0e-not-for-logs";

  @TempDir Path dir;
  Workspaces agent;
  EngineJar jar;
  ByteArrayOutputStream log = new ByteArrayOutputStream();
  StepConfig config;

  @BeforeEach
  void setUp() throws IOException {
    agent = Workspaces.in(dir);
    jar = EngineJar.ofFile(Files.write(dir.resolve("askbuild.jar"), "jar".getBytes()));
    config = StepConfig.of(StepKind.VERIFY, Map.of("board", "demo", "signatureCredentialsId", "sig",
        "keyringCredentialsId", "keys", "privateTarballs", List.of(Map.of("credentialsId", "ask", "name", "ASK.tar.gz"))));
  }

  static List<SecretSource> secrets() {
    List<SecretSource> list = new ArrayList<>();
    for (String id : List.of("sig", "keys", "ask")) {
      list.add(new SecretSource() {
        @Override public String credentialsId() {
          return id;
        }

        @Override public ByteArrayInputStream open() {
          return new ByteArrayInputStream(("-----BEGIN-----\n" + MARKER + "-" + id + "\n-----END-----\n").getBytes(StandardCharsets.UTF_8));
        }
      });
    }
    return list;
  }

  /** Stands for the engine: checks the secret files, echoes their content, then ends as told. */
  final class FakeEngine implements AgentProcess {
    final List<String> argv = new ArrayList<>();
    final Map<String, String> env = new LinkedHashMap<>();
    final List<String> seenModes = new ArrayList<>();
    final String ending;

    FakeEngine(String ending) {
      this.ending = ending;
    }

    @Override
    public int run(List<String> argv, Map<String, String> env, String pwd, OutputStream stdout, OutputStream stderr)
        throws IOException {
      this.argv.addAll(argv);
      this.env.putAll(env);
      for (String path : secretPaths(argv)) {
        Path p = Path.of(path);
        seenModes.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " in "
            + PosixFilePermissions.toString(Files.getPosixFilePermissions(p.getParent())) + " in "
            + PosixFilePermissions.toString(Files.getPosixFilePermissions(p.getParent().getParent())));
        stderr.write(("read " + Files.readString(p)).getBytes(StandardCharsets.UTF_8));
      }
      switch (ending) {
        case "ok" -> stdout.write("{\"command\":\"verify\",\"status\":\"ok\",\"result\":{\"passed\":true,\"files\":3}}".getBytes());
        case "failed" -> {
          stdout.write("{\"command\":\"verify\",\"status\":\"failed\",\"error\":\"bad signature on SHA256SUMS\"}".getBytes());
          return 1;
        }
        default -> throw new IOException("agent went offline midway");
      }
      return 0;
    }
  }

  static List<String> secretPaths(List<String> argv) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i + 1 < argv.size(); i++) {
      if (argv.get(i).equals("--signature") || argv.get(i).equals("--keyring")) {
        paths.add(argv.get(i + 1));
      } else if (argv.get(i).equals("--private")) {
        paths.add(argv.get(i + 1).substring(argv.get(i + 1).indexOf('=') + 1));
      }
    }
    return paths;
  }

  Map<String, java.io.Serializable> run(FakeEngine engine) throws Exception {
    return StageRunner.run(config, agent.agent("/usr/bin/java"), engine, jar, secrets(),
        Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/agent"), new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  void assertNoSecretLeft(FakeEngine engine, Object result) throws Exception {
    assertThat(engine.seenModes).hasSize(3).allMatch(m -> m.equals("r-------- in rwx------ in rwx------"));
    List<String> paths = secretPaths(engine.argv);
    assertThat(paths).hasSize(3).allSatisfy(p -> assertThat(Path.of(p)).doesNotExist());
    assertThat(Path.of(paths.get(0)).getParent()).doesNotExist();
    assertThat(paths.get(0)).startsWith(agent.tempDir() + "/secretFiles/");
    String logText = log.toString(StandardCharsets.UTF_8);
    assertThat(logText).contains("read ****\n****\n****\n").doesNotContain(MARKER);
    assertThat(String.join(" ", engine.argv)).doesNotContain(MARKER);
    assertThat(engine.env.toString()).doesNotContain(MARKER);
    assertThat(Workspaces.serialized(config, result)).doesNotContain(MARKER);
    assertThat(String.valueOf(result)).doesNotContain(MARKER);
    assertThat(agent.filesContaining(MARKER)).isEmpty();
  }

  @Test
  void successLeavesNoSecretBehind() throws Exception {
    FakeEngine engine = new FakeEngine("ok");
    Map<String, java.io.Serializable> result = run(engine);
    assertThat(result).containsEntry("status", "ok").containsEntry("files", 3);
    assertNoSecretLeft(engine, result);
  }

  @Test
  void aFailingStageLeavesNoSecretBehind() throws Exception {
    FakeEngine engine = new FakeEngine("failed");
    StageFailedException failure = org.junit.jupiter.api.Assertions.assertThrows(StageFailedException.class, () -> run(engine));
    assertThat(failure.exitCode()).isEqualTo(1);
    assertThat(failure).hasMessage("askVerify failed (exit 1): bad signature on SHA256SUMS");
    assertNoSecretLeft(engine, failure.result());
  }

  @Test
  void anAgentDyingMidwayLeavesNoSecretBehind() throws Exception {
    FakeEngine engine = new FakeEngine("dies");
    assertThatThrownBy(() -> run(engine)).hasMessage("agent went offline midway");
    assertNoSecretLeft(engine, Map.of());
  }

  @Test
  void aCredentialTheBuildCannotUseFailsNamingItsParameterBeforeAnyWork() {
    FakeEngine engine = new FakeEngine("ok");
    assertThatThrownBy(() -> StageRunner.run(config, agent.agent("/usr/bin/java"), engine, jar, secrets().subList(0, 2),
            Map.of(), new PrintStream(log, true, StandardCharsets.UTF_8)))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("parameter 'privateTarballs[0].credentialsId' names credential 'ask'");
    assertThat(engine.argv).isEmpty();
    assertThat(agent.tempDir().resolve("secretFiles")).doesNotExist();
  }

  @Test
  void aDurableStagesPlanHoldsPathsOnlyAndItsCleanupRemovesTheSecrets() throws Exception {
    StepConfig kernel = StepConfig.of(StepKind.KERNEL, Map.of("board", "demo",
        "privateTarballs", List.of(Map.of("credentialsId", "ask", "name", "ASK.tar.gz"))));
    DurableStage.Plan plan = DurableStage.prepare(kernel, agent.agent("/usr/bin/java"), jar, secrets(),
        new PrintStream(log, true, StandardCharsets.UTF_8));
    assertThat(agent.filesContaining(MARKER)).hasSize(1);
    assertThat(Workspaces.serialized(plan)).doesNotContain(MARKER);
    assertThat(plan.script()).doesNotContain(MARKER).doesNotContain("ASK.tar.gz");
    DurableStage.abandon(plan, new LocalAgentFiles());
    assertThat(agent.filesContaining(MARKER)).isEmpty();
    assertThat(Path.of(plan.secrets().dir())).doesNotExist();
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(MARKER);
  }
}
