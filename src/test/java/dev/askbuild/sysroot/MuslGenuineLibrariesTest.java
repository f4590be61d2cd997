package dev.askbuild.sysroot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.board.BuildKind;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.Libc;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.core.Toolchain;
import dev.askbuild.core.TrustedFile;
import dev.askbuild.fixture.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The musl sysroot on the genuine tarballs {@code .ci/fetch-test-sources} fetches, both refused
 * with the reason: libcli 1.10.7 compiles and links against Debian's musl, but calls crypt(3),
 * which Debian's musl leaves out; libnetfilter_conntrack 1.1.0's configure needs libnfnetlink and
 * libmnl, which exist here only as Debian's glibc builds (their sources are not vendored).
 */
class MuslGenuineLibrariesTest {
  private static final Toolchain MUSL = Toolchain.arm64().withLibc(Libc.MUSL);

  @TempDir Path work;

  @Test
  void libcliCompilesAgainstMuslButIsRefusedForTheCryptThatDebiansMuslLeavesOut() throws Exception {
    Path cli = Fixtures.cache().resolve("sources/libcli-1.10.7.tar.gz");
    assertThat(cli).as("fetched by .ci/fetch-test-sources").exists();
    Path patch = Path.of(getClass().getResource("0001-libcli-version-macros.patch").toURI());
    SysrootRequest request = new SysrootRequest(MUSL, List.of("libcli-dev:arm64"),
        List.of(new VendoredLibrary("libcli", TrustedFile.hash("libcli", cli), List.of(patch), BuildKind.MAKE,
            List.of("TESTS=0"))),
        work, work.resolve("cache"), Fixtures.EPOCH, 2);

    assertThatThrownBy(() -> new SysrootStage(ProcessRunner.inheritingEnvironment(), Progress.SILENT).run(request))
        .isInstanceOf(AskBuildException.class)
        .hasMessageStartingWith("library libcli cannot be used against musl: usr/lib/libcli.so calls crypt, which nothing in the musl sysroot defines")
        .hasMessageContaining("#947193")
        .satisfies(e -> assertThat(((AskBuildException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED));
    // It did compile and link against musl: the library names musl's libc, not glibc's.
    Path built = work.resolve("sysroot-src/libcli/libcli.so.1.10.7");
    assertThat(Fixtures.run("aarch64-linux-gnu-readelf", "-d", built.toString()))
        .contains("Shared library: [libc.so]").doesNotContain("libc.so.6");
  }

  @Test
  void libnetfilterConntrackIsRefusedNamingTheGlibcOnlyLibrariesItsConfigureNeeds() throws Exception {
    Path conntrack = Fixtures.cache().resolve("sources/libnetfilter_conntrack-1.1.0.tar.xz");
    assertThat(conntrack).as("fetched by .ci/fetch-test-sources").exists();
    SysrootRequest request = new SysrootRequest(MUSL, List.of("libnfnetlink-dev:arm64", "libmnl-dev:arm64"),
        List.of(new VendoredLibrary("libnetfilter_conntrack", TrustedFile.hash("conntrack", conntrack), List.of(),
            BuildKind.AUTOTOOLS, List.of("--enable-static", "--disable-shared"))),
        work, work.resolve("cache"), Fixtures.EPOCH, 2);

    assertThatThrownBy(() -> new SysrootStage(ProcessRunner.inheritingEnvironment(), Progress.SILENT).run(request))
        .isInstanceOf(AskBuildException.class)
        .hasMessageStartingWith("library libnetfilter_conntrack cannot be built against musl: its configure needs libmnl, libnfnetlink (pkg-config)")
        // It got as far as pkg-config: the compiler and musl passed configure's checks.
        .hasMessageContaining("sysroot-libnetfilter_conntrack.log")
        .hasMessageContaining("only as glibc builds")
        .hasMessageContaining("libnfnetlink-dev:arm64, libmnl-dev:arm64")
        .satisfies(e -> assertThat(((AskBuildException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED));
    // Nothing half-built is cached.
    assertThat(Files.list(work.resolve("cache")).filter(p -> p.getFileName().toString().startsWith("sysroot-musl-"))).isEmpty();
  }
}
