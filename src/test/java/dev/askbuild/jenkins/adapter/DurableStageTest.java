package dev.askbuild.jenkins.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable task's shell line, run by {@code /bin/sh} as durable-task's BourneShellScript runs a
 * script: arguments arrive intact whatever they hold, stdout becomes the result file, and
 * {@link DurableStage#finish} turns it into the step's map and cleans up.
 */
class DurableStageTest {
  @TempDir Path dir;

  /** Stands for the agent's java: writes each argument on its own NUL-terminated record, prints JSON. */
  Path fakeJava(String json, int exit) throws Exception {
    Path java = dir.resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done >\"" + dir.resolve("args")
        + "\"\necho 'progress on stderr' >&2\nprintf '%s' '" + json + "'\nexit " + exit + "\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    return java;
  }

  int runScript(DurableStage.Plan plan, Workspaces agent) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", plan.script()).directory(agent.workspace().toFile());
    Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin:/bin"));
    env.putAll(DurableStage.variables(plan));
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start().waitFor();
  }

  @Test
  void theShellLineHoldsNoValueAndPassesHostileArgumentsIntact() throws Exception {
    Workspaces agent = Workspaces.in(dir);
    String hostile = "p k;$(touch " + dir.resolve("pwned") + ")'\"`id` *";
    StepConfig config = StepConfig.of(StepKind.KERNEL, Map.of("board", "demo", "packages", hostile, "jobs", 2));
    EngineJar jar = EngineJar.ofFile(Files.write(dir.resolve("askbuild.jar"), "jar".getBytes()));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    DurableStage.Plan plan = DurableStage.prepare(config, agent.agent(fakeJava(
        "{\"command\":\"kernel\",\"status\":\"ok\",\"result\":{\"release\":\"6.12.57\",\"cacheHit\":false}}", 0).toString()),
        jar, List.of(), new PrintStream(log, true, StandardCharsets.UTF_8));

    assertThat(plan.script()).matches("exec( \"\\$ASKBUILD_ARG_\\d+\")+ >\"\\$ASKBUILD_RESULT\"\n").doesNotContain("demo");
    int exit = runScript(plan, agent);
    assertThat(exit).isZero();
    assertThat(dir.resolve("pwned")).doesNotExist();
    List<String> received = List.of(Files.readString(dir.resolve("args")).split("\0"));
    assertThat(received).containsExactly("-jar", plan.env().get("ASKBUILD_ARG_2"), "kernel", "--board", "demo",
        "--out", agent.workspace() + "/askbuild-out", "--packages", agent.workspace() + "/" + hostile,
        "--jobs", "2", "--json");

    Map<String, java.io.Serializable> result = DurableStage.finish(plan, new LocalAgentFiles(), exit);
    assertThat(result).containsEntry("status", "ok").containsEntry("release", "6.12.57").containsEntry("cacheHit", false);
    assertThat(Path.of(plan.resultFile())).doesNotExist();
    assertThat(Path.of(plan.secrets().dir())).doesNotExist();
  }

  @Test
  void aFailingDurableStageGivesTheEnginesExitCodeAndMessage() throws Exception {
    Workspaces agent = Workspaces.in(dir);
    EngineJar jar = EngineJar.ofFile(Files.write(dir.resolve("askbuild.jar"), "jar".getBytes()));
    DurableStage.Plan plan = DurableStage.prepare(StepConfig.of(StepKind.COMPILE, Map.of("board", "demo")),
        agent.agent(fakeJava("{\"command\":\"compile\",\"status\":\"failed\",\"exitCode\":2,"
            + "\"error\":\"cdx: kernel tree lacks include/linux/fsl_bman.h\"}", 2).toString()),
        jar, List.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    int exit = runScript(plan, agent);
    assertThat(exit).isEqualTo(2);
    assertThatThrownBy(() -> DurableStage.finish(plan, new LocalAgentFiles(), exit))
        .isInstanceOf(StageFailedException.class)
        .hasMessage("askCompile failed (exit 2): cdx: kernel tree lacks include/linux/fsl_bman.h");
    assertThat(Path.of(plan.resultFile())).doesNotExist();
  }
}
