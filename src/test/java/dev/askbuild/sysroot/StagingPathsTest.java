package dev.askbuild.sysroot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rewrite's rules, one file type each; ReproducibleSysrootTest runs it on a real build. */
class StagingPathsTest {
  @TempDir Path dir;

  @Test
  void textFilesAndLinksBecomeSysrootRelative() throws Exception {
    Path staging = Files.createDirectories(dir.resolve(".sysroot-x.partial-1"));
    Path lib = Files.createDirectories(staging.resolve("usr/lib/aarch64-linux-gnu"));
    String s = staging.toString();
    Path pc = Files.writeString(Files.createDirectories(lib.resolve("pkgconfig")).resolve("a.pc"),
        "Libs.private: -L" + s + "/usr/lib/aarch64-linux-gnu -lb\n");
    Path la = Files.writeString(lib.resolve("liba.la"), "dependency_libs=' -L" + s + "/usr/lib/aarch64-linux-gnu -lb'\n");
    Path config = Files.writeString(staging.resolve("usr/lib/a-config"), "echo -I" + s + "/usr/include\n");
    Path untouched = Files.writeString(lib.resolve("b.pc"), "Libs: -L${libdir} -lb\n");
    Path link = Files.createSymbolicLink(lib.resolve("liba.so"), lib.resolve("liba.so.1"));

    assertThat(StagingPaths.rewrite(staging)).containsExactlyInAnyOrder(pc, la, config, link);

    assertThat(pc).hasContent("Libs.private: -L/usr/lib/aarch64-linux-gnu -lb");
    assertThat(la).hasContent("dependency_libs=' -L=/usr/lib/aarch64-linux-gnu -lb'");
    assertThat(config).hasContent("echo -I/usr/include");
    assertThat(untouched).hasContent("Libs: -L${libdir} -lb");
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("liba.so.1"));
  }

  @Test
  void aBinaryNamingTheStagingDirectoryFailsTheStageNamingIt() throws Exception {
    Path staging = Files.createDirectories(dir.resolve(".sysroot-x.partial-2"));
    Path lib = Files.createDirectories(staging.resolve("usr/lib"));
    Files.write(lib.resolve("liba.a"), ("!<arch>\n\0" + staging + "/usr/lib\0").getBytes());

    assertThatThrownBy(() -> StagingPaths.rewrite(staging))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("usr/lib/liba.a")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
  }
}
