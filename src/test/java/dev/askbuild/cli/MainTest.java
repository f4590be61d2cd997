package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.core.Sha256;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void helpDescribesEveryCommandAndOption() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("verify", "extract", "normalize", "Exit codes");
    assertThat(run("verify", "--help")).isZero();
    assertThat(out.toString()).contains("--packages", "--sums", "--signature", "--keyring", "--strict", "--json");
    assertThat(run("extract", "--help")).isZero();
    assertThat(out.toString()).contains("--archive", "--into", "--strip-components", "--drop-vcs", "--epoch");
  }

  @Test
  void helpForOneCommandAndTheFullListStillWork() {
    // A named command is the only one built; help and an unknown name still see every command.
    assertThat(run("help", "check")).isZero();
    assertThat(out.toString()).contains("--dist", "--kernel", "--sysroot", "--report");
    assertThat(run("help")).isZero();
    assertThat(out.toString()).contains("build", "doctor", "setup", "kernel", "sysroot", "compile");
    assertThat(run("chek")).isEqualTo(2);
    assertThat(err.toString()).contains("chek").contains("check");
  }

  @Test
  void badUsageIsExitTwo() {
    assertThat(run("verify")).isEqualTo(2);
    assertThat(err.toString()).contains("--packages");
    assertThat(run("no-such-command")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
  }

  @Test
  void verifyExitCodesAndJson() throws Exception {
    Files.writeString(tmp.resolve("a.tar.gz"), "alpha");
    Path sums = tmp.resolve("SHA256SUMS");

    Files.writeString(sums, Sha256.ofString("alpha") + "  a.tar.gz\n");
    assertThat(run("verify", "--packages", tmp.toString(), "--json")).isZero();
    assertThat(out.toString()).contains("\"file\" : \"a.tar.gz\"", "\"status\" : \"ok\"");

    Files.writeString(sums, Sha256.ofString("other") + "  a.tar.gz\n");
    assertThat(run("verify", "--packages", tmp.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("sha256 mismatch: a.tar.gz");

    Files.writeString(sums, "garbage\n");
    assertThat(run("verify", "--packages", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("SHA256SUMS:1");
  }

  @Test
  void extractOfHostileArchiveIsExitTwo() throws Exception {
    Path evil = tmp.resolve("evil.tar");
    Process p = new ProcessBuilder("tar", "-cf", evil.toString(), "-P", "/etc/hostname").start();
    assertThat(p.waitFor()).isZero();

    assertThat(run("extract", "--archive", evil.toString(), "--into", tmp.resolve("x").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("/etc/hostname", "absolute");
    assertThat(tmp.resolve("x")).doesNotExist();
  }
}
