package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.fixture.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages about a run's stages keep the run's options and read as one sentence. */
class StageMessagesTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void missingStagesAreOneSentence() throws Exception {
    String dir = tmp.resolve("out").toString();
    assertThat(run("build", "--board", "demo", "--target", "userspace", "--stages", "check", "--out", dir,
        "--cache", Fixtures.cache().toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--stages check needs the results of verify, sysroot and compile, which are"
        + " neither selected nor left in").doesNotContain("; check needs");
  }

  @Test
  void theSuggestedCommandKeepsTheRunsTargetAndComponents() throws Exception {
    String dir = tmp.resolve("out").toString();
    assertThat(run("sysroot", "--board", "demo", "--target", "userspace", "--out", dir,
        "--cache", Fixtures.cache().toString())).isEqualTo(2);
    assertThat(err.toString()).contains("run `askbuild verify --board demo --out " + Path.of(dir).toAbsolutePath()
        + " --target userspace` first");
  }

  @Test
  void aStageCommandWithoutTheRunsTargetNamesTheOption() throws Exception {
    String dir = tmp.resolve("out").toString();
    String cache = Fixtures.cache().toString();
    assertThat(run("verify", "--board", "demo", "--target", "userspace", "--out", dir, "--cache", cache))
        .as(err.toString()).isZero();
    err.getBuffer().setLength(0);
    assertThat(run("sysroot", "--board", "demo", "--out", dir, "--cache", cache)).isEqualTo(2);
    assertThat(err.toString()).contains("it was written with --target userspace (this run has dist)");
    assertThat(Files.exists(Path.of(dir, "state", "sysroot.json"))).isFalse();
  }
}
