package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibcOptionTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void anUnknownLibcIsOneLineAndExitTwoBeforeAnythingRuns(@TempDir Path dir) {
    assertThat(run("build", "--board", "demo", "--out", dir.resolve("o").toString(), "--libc", "uclibc")).isEqualTo(2);
    assertThat(err.toString()).contains("--libc must be glibc or musl, got 'uclibc'").doesNotContain("Exception");
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void aMuslSelectionTheBoardCannotBuildIsRefusedNamingTheComponentAndWhy(@TempDir Path dir) throws Exception {
    // The out dir beside the packages directory: one inside it is refused before the selection.
    Path packages = java.nio.file.Files.createDirectories(dir.resolve("packages"));
    assertThat(run("build", "--board", "mono-gateway", "--packages", packages.toString(), "--out", dir.resolve("o").toString(),
        "--libc", "musl", "--components", "fmc")).isEqualTo(2);
    assertThat(err.toString()).contains("component fmc cannot be built against musl: fmc is C++");
  }

  @Test
  void doctorWithMuslListsDebiansMuslPackages() {
    run("doctor", "--board", "demo", "--libc", "musl");
    assertThat(out.toString()).contains("musl-dev:arm64", "musl:arm64", "the musl sysroot (--libc musl)");
  }
}
