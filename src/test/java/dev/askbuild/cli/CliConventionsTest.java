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
    assertThat(err.toString()).startsWith("error: ").contains("'--bord'", "did you mean --board or --board-dir?",
        "(askbuild verify --help lists the options)");
    assertThat(err.toString().lines()).as("one line, no usage after it").hasSize(1);
    err.getBuffer().setLength(0);
    assertThat(run("verfy")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: ").contains("did you mean askbuild verify?",
        "(askbuild --help lists the commands)");
    assertThat(err.toString().lines()).hasSize(1);
    err.getBuffer().setLength(0);
    assertThat(run("chek")).isEqualTo(2);
    assertThat(err.toString()).contains("'chek'; did you mean askbuild check?");
  }

  /** The guide's rule for a user's mistake: one line, labelled error:, naming what to fix; exit 2. */
  @Test
  void everyUsageMistakeIsOneErrorLineNamingIt() {
    String[][] mistakes = {
        {"verify"},
        {},
        {"build", "--board", "nosuch", "--out", "/tmp/askbuild-never-made"},
        {"build", "--board", "demo", "--rehash=yes", "--out", "/tmp/askbuild-never-made"},
        {"build", "--board", "demo", "--out", "/"},
        {"verify", "--packages", "/etc/passwd"},
        {"cache", "prune", "--max-size", "12Q"},
        {"cache", "import", "/nonexistent/cache.tar"},
    };
    String[] named = {"--packages", "a command", "nosuch", "--rehash", "--out /", "/etc/passwd", "12Q",
        "/nonexistent/cache.tar"};
    for (int i = 0; i < mistakes.length; i++) {
      err.getBuffer().setLength(0);
      String line = String.join(" ", mistakes[i]);
      assertThat(run(mistakes[i])).as(line).isEqualTo(2);
      assertThat(err.toString()).as(line).startsWith("error: ").contains(named[i]).doesNotContain("Exception");
      assertThat(err.toString().lines()).as(line).hasSize(1);
    }
    assertThat(Path.of("/tmp/askbuild-never-made")).doesNotExist();
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
