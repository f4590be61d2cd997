package dev.askbuild.sysroot;

import dev.askbuild.board.BuildKind;
import dev.askbuild.core.Toolchain;
import dev.askbuild.core.TrustedFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.fixture.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sysroot stage on real vendored-library tarballs: upstream releases as Debian's archive carries
 * them, fetched and pinned by {@code .ci/fetch-test-sources}. libnetfilter_conntrack is the release
 * ASK vendors (autotools, static as ASK builds it, files owned by uid 1000 in the tarball); libcli
 * builds with its own Makefile and gets a patch of ours.
 */
class GenuineLibrariesTest {
  @TempDir Path work;

  @Test
  void realReleasesCrossBuildIntoTheSysrootAndAProgramUsingThemRunsOnArm64() throws Exception {
    Path sources = Fixtures.cache().resolve("sources");
    Path conntrack = sources.resolve("libnetfilter_conntrack-1.1.0.tar.xz");
    Path cli = sources.resolve("libcli-1.10.7.tar.gz");
    assertThat(conntrack).as("fetched by .ci/fetch-test-sources").exists();
    assertThat(cli).as("fetched by .ci/fetch-test-sources").exists();
    Path patch = Path.of(getClass().getResource("0001-libcli-version-macros.patch").toURI());
    SysrootRequest request = new SysrootRequest(Toolchain.arm64(),
        List.of("libnfnetlink-dev:arm64", "libmnl-dev:arm64", "libcrypt-dev:arm64"),
        List.of(
            new VendoredLibrary("libnetfilter_conntrack", TrustedFile.hash("conntrack", conntrack), List.of(), BuildKind.AUTOTOOLS,
                List.of("--enable-static", "--disable-shared")),
            new VendoredLibrary("libcli", TrustedFile.hash("libcli", cli), List.of(patch), BuildKind.MAKE, List.of("TESTS=0"))),
        work, work.resolve("cache"), Fixtures.EPOCH, 2);

    Path sysroot = new SysrootStage(ProcessRunner.inheritingEnvironment(), Progress.SILENT).run(request).path();

    Path lib = sysroot.resolve("usr/lib/aarch64-linux-gnu");
    assertThat(lib.resolve("libnetfilter_conntrack.a")).exists();
    assertThat(lib.resolve("libnetfilter_conntrack.so")).doesNotExist();
    assertThat(lib.resolve("pkgconfig/libnetfilter_conntrack.pc")).exists();
    // The tarball's files belong to uid 1000; unpacked, they belong to whoever runs the build.
    Path configure = work.resolve("sysroot-src/libnetfilter_conntrack/configure");
    assertThat(Files.getOwner(configure).getName()).isEqualTo(System.getProperty("user.name"));

    // LIBCLI_VERSION compiles only with the patch applied; the program runs on emulated arm64.
    Path c = Files.writeString(work.resolve("prog.c"), """
        #include <stdio.h>
        #include <stdint.h>
        #include <libcli.h>
        #include <libnetfilter_conntrack/libnetfilter_conntrack.h>
        int main(void) {
          struct nf_conntrack *ct = nfct_new();
          struct cli_def *cli = cli_init();
          printf("libcli %x, conntrack %s\\n", LIBCLI_VERSION, ct && cli ? "ok" : "failed");
          return ct && cli ? 0 : 1;
        }
        """);
    Path prog = work.resolve("prog");
    Fixtures.run("aarch64-linux-gnu-gcc", "--sysroot=" + sysroot, "-o", prog.toString(), c.toString(),
        "-lcli", "-lnetfilter_conntrack", "-lnfnetlink", "-lmnl");
    assertThat(Fixtures.run("qemu-aarch64-static", "-L", sysroot.toString(), prog.toString()).strip())
        .isEqualTo("libcli 10a07, conntrack ok");
  }
}
