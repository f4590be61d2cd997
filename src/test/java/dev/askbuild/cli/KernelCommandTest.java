package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class KernelCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void boardsListsEveryProfile() {
    assertThat(run("boards")).isZero();
    assertThat(out.toString()).contains("mono-gateway", "LS1043A", "demo");
  }

  @Test
  void unknownBoardIsExit2ListingKnownBoards() {
    assertThat(run("kernel", "--board", "nope", "--out", "/tmp/x")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown board 'nope'; known boards: mono-gateway, demo");
  }

  @Test
  void aBoardWithoutGeneratedInputsNamesEveryTarballItNeeds() {
    assertThat(run("kernel", "--board", "mono-gateway", "--out", "/tmp/x")).isEqualTo(2);
    assertThat(err.toString()).contains("board mono-gateway needs --packages DIR holding linux-lf-6.12.49-2.2.0.tar.gz,"
        + " ASK-mt-6.12.49-2.2.0.tar.gz, fmlib-lf-6.12.49-2.2.0.tar.gz");
    // The options of a kernel outside a board run are refused with a board, not silently ignored.
    assertThat(run("kernel", "--board", "demo", "--out", "/tmp/x", "--work", "/tmp/y")).isEqualTo(2);
    assertThat(err.toString()).contains("--fragment, --work and --patches are for a kernel outside a board run");
  }
}
