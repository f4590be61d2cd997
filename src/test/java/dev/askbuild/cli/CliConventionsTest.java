package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line follows picocli's conventions: --version everywhere, suggestions, no colour in a pipe. */
class CliConventionsTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void everySubcommandAnswersVersion() {
    for (String command : new String[] {"verify", "check", "build", "kernel", "extract", "cache"}) {
      out.getBuffer().setLength(0);
      assertThat(run(command, "--version")).as(command).isZero();
      assertThat(out.toString()).as(command).startsWith("askbuild " + dev.askbuild.core.Version.NUMBER);
    }
  }

  @Test
  void aMistypedOptionGetsTheNearestName() {
    assertThat(run("verify", "--bord", "demo", "--out", "/tmp/x")).isEqualTo(2);
    assertThat(err.toString()).contains("--bord").contains("Possible solutions: --board");
    err.getBuffer().setLength(0);
    assertThat(run("verfy")).isEqualTo(2);
    assertThat(err.toString()).contains("Did you mean: askbuild verify");
  }

  @Test
  void theJarBuildOfTheRunnerAsksMavenForNoColour() throws Exception {
    // The first-use build's output goes to a CI log: Maven's colour left [0m in it.
    assertThat(Files.readString(Path.of("bin/askbuild"))).contains("mvn -B -q -Dstyle.color=never");
  }

  @Test
  void helpWrittenToAPipeHasNoAnsiEscapes() {
    assertThat(run("--help")).isZero();
    assertThat(run("verify", "--help")).isZero();
    assertThat(out.toString()).doesNotContain("\u001b[");
  }

  @Test
  void eachBoardCommandsHelpEndsWithExamples() {
    for (String command : new String[] {"verify", "sysroot", "kernel", "compile", "check", "build", "extract"}) {
      out.getBuffer().setLength(0);
      assertThat(run(command, "--help")).as(command).isZero();
      assertThat(out.toString()).as(command).contains("Examples:", "  askbuild " + command + " ");
    }
  }

  @Test
  void checksHelpLeavesOutTheOptionsItIgnores() {
    assertThat(run("check", "--help")).isZero();
    assertThat(out.toString()).contains("--board", "--out").doesNotContain("--jobs", "--signature", "--strict");
  }
}
