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
    assertThat(run("kernel", "--kernel-tar", "/usr/src/linux-source-6.12.tar.xz", "--board", "nope", "--work", "/tmp/x"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("known boards: mono-gateway, demo");
  }

  @Test
  void boardWithAskBaseConfigNeedsAskSource() {
    assertThat(run("kernel", "--kernel-tar", "/usr/src/linux-source-6.12.tar.xz", "--board", "mono-gateway", "--work", "/tmp/x"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--ask-src");
  }
}
