package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.fixture.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A board the user adjusts: exported, one flag changed, built with --board-dir. */
class BoardDirCommandTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void anExportedDemoWithOneFlagChangedBuildsAndTheFlagReachesTheCompileLog() throws Exception {
    Path board = tmp.resolve("my-board");
    assertThat(run("board", "export", "demo", board.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains(board.resolve("compile.json").toString());
    Path plan = board.resolve("compile.json");
    String text = Files.readString(plan);
    assertThat(text).contains("\"CFLAGS\": \"-O2 -g\"");
    Files.writeString(plan, text.replace("\"CFLAGS\": \"-O2 -g\"", "\"CFLAGS\": \"-O2 -g -DMY_BOARD_FLAG=7\""));

    int code = run("build", "--board-dir", board.toString(), "--target", "userspace", "--cache",
        Fixtures.cache().toString(), "--out", tmp.resolve("out").toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(tmp.resolve("out/logs/compile.log")).content().contains("-DMY_BOARD_FLAG=7");
    assertThat(tmp.resolve("out/dist/hello")).exists();
  }

  @Test
  void aBoardDirNamingAPathOutsideItIsExitTwoNamingFileAndField() throws Exception {
    Path board = tmp.resolve("escape");
    assertThat(run("board", "export", "demo", board.toString())).isZero();
    Path profile = board.resolve("profile.json");
    Files.writeString(profile, Files.readString(profile)
        .replace("\"ask:patches/libdemo/0001-configure-honour-host.patch\"", "\"../x\""));

    assertThat(run("build", "--board-dir", board.toString(), "--out", tmp.resolve("out").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("board profile " + profile + ": field 'vendored[0].patches[0]' names"
        + " '../x': it leaves the packages directory").doesNotContain("Exception");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void boardsSaysWhereEachBoardComesFromAndExportRefusesAnUnknownBoard() {
    assertThat(run("boards")).isZero();
    assertThat(out.toString()).contains("from     built-in");
    assertThat(run("board", "export", "nope", tmp.resolve("x").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown board 'nope'");
  }
}
