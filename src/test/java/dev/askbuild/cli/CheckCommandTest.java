package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path tmp;

  private int run(StringWriter err, String... args) {
    return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
  }

  @Test
  void hostBinaryInDistExitsOneAndWritesReports() throws Exception {
    Path dist = tmp.resolve("dist");
    Files.createDirectories(dist.resolve("lib"));
    Files.copy(Path.of("/usr/aarch64-linux-gnu/lib/libc.so.6"), dist.resolve("lib/libc.so.6"));
    Files.copy(Path.of("/bin/true"), dist.resolve("true-x86"));
    Files.writeString(dist.resolve("README"), "not an ELF\n");
    Path report = tmp.resolve("report");
    StringWriter err = new StringWriter();
    int code = run(err, "check", "--dist", dist.toString(), "--sysroot", "/usr/aarch64-linux-gnu", "--report", report.toString(), "--board", "demo");
    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(err.toString()).contains("FAIL true-x86 elf.machine: expected AArch64 (183)").contains("check FAILED: 1 failed checks in 3 artifacts");
    for (String name : new String[] {"checks.json", "checks.xml", "report.html", "SHA256SUMS", "provenance.json"}) {
      assertThat(report.resolve(name)).isNotEmptyFile();
    }
    assertThat(Files.readString(report.resolve("SHA256SUMS"))).contains("  README\n", "  lib/libc.so.6\n", "  true-x86\n");
  }

  @Test
  void cleanDistExitsZero() throws Exception {
    Path dist = tmp.resolve("dist");
    Files.createDirectories(dist.resolve("lib"));
    Files.copy(Path.of("/usr/aarch64-linux-gnu/lib/libc.so.6"), dist.resolve("lib/libc.so.6"));
    StringWriter err = new StringWriter();
    int code = run(err, "check", "--dist", dist.toString(), "--sysroot", "/usr/aarch64-linux-gnu", "--report", tmp.resolve("r").toString(), "--board", "mono-gateway");
    assertThat(code).as(err.toString()).isZero();
  }

  @Test
  void aCheckOutsideABoardRunNamesItsBoard() {
    // No silent default: the board says which architecture, loader and kernel the dist is checked against.
    StringWriter err = new StringWriter();
    int code = run(err, "check", "--dist", tmp.toString(), "--sysroot", tmp.toString(), "--report", tmp.resolve("r").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--board B with --dist, --sysroot and --report");
  }

  @Test
  void unknownBoardIsBadInput() {
    StringWriter err = new StringWriter();
    int code = run(err, "check", "--dist", tmp.toString(), "--sysroot", tmp.toString(), "--report", tmp.resolve("r").toString(), "--board", "rpi");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown board 'rpi'");
  }

  /** Issue 21 item 3: a board run's check takes --baseline as build does (BoardJob.compareWith), and says when it cannot. */
  @Test
  void theBoardRunsCheckTakesABaselineAndRefusesItsMisuses() {
    StringWriter err = new StringWriter();
    Path out = tmp.resolve("out");
    assertThat(run(err, "check", "--board", "demo", "--out", out.toString(), "--baseline", out.resolve("reports").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--baseline " + out.resolve("reports")).contains("is inside this run's out dir");

    StringWriter alone = new StringWriter();
    assertThat(run(alone, "check", "--board", "demo", "--out", out.toString(), "--fail-on-abi-change")).isEqualTo(2);
    assertThat(alone.toString()).contains("--fail-on-abi-change needs --baseline DIR");

    StringWriter loose = new StringWriter();
    assertThat(run(loose, "check", "--dist", tmp.toString(), "--sysroot", tmp.toString(), "--report", tmp.resolve("r").toString(),
        "--board", "demo", "--baseline", tmp.toString())).isEqualTo(2);
    assertThat(loose.toString()).contains("--baseline needs --board B --out DIR");
  }
}
