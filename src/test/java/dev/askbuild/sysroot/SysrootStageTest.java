package dev.askbuild.sysroot;

import dev.askbuild.board.BuildKind;
import dev.askbuild.core.Toolchain;
import dev.askbuild.core.TrustedFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.fixture.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real sysroot stage: Debian's cross libc plus the fixture library, cross-built and patched. */
class SysrootStageTest {
  @TempDir Path work;

  private SysrootRequest request(Path tarball, List<Path> patches, Path cache) throws java.io.IOException {
    VendoredLibrary libdemo = new VendoredLibrary("libdemo", TrustedFile.hash("libdemo-1.0.tar.gz", tarball), patches,
        BuildKind.AUTOTOOLS, List.of());
    return new SysrootRequest(Toolchain.arm64(), List.of(), List.of(libdemo), work, cache, Fixtures.EPOCH, 2);
  }


  @Test
  void crossBuildsThePatchedLibraryIntoALinkableRunnableSysroot() throws Exception {
    Path tarball = Fixtures.libdemoTarball(work);
    SysrootStage stage = new SysrootStage(ProcessRunner.inheritingEnvironment(), Progress.SILENT);
    SysrootResult result =
        stage.run(request(tarball, List.of(Fixtures.patch("0001-configure-honour-host.patch")), Fixtures.cache()));
    Path sysroot = result.path();

    Path lib = sysroot.resolve("usr/lib/aarch64-linux-gnu/libdemo.so.1");
    assertThat(Fixtures.run("readelf", "-h", lib.toString())).contains("AArch64");
    assertThat(sysroot.resolve("usr/include/demo/scale.h")).exists();
    assertThat(sysroot.resolve("lib/ld-linux-aarch64.so.1")).exists();
    assertThat(Fixtures.run("env", "PKG_CONFIG_SYSROOT_DIR=" + sysroot,
        "PKG_CONFIG_LIBDIR=" + sysroot.resolve("usr/lib/aarch64-linux-gnu/pkgconfig"), "pkg-config", "--cflags", "demo"))
        .contains("-I" + sysroot + "/usr/include");

    // A target program links against the sysroot alone and runs under emulation (smoke only).
    Path c = Files.writeString(work.resolve("t.c"),
        "#include <stdio.h>\n#include <demo/scale.h>\nint main(void){printf(\"%d\\n\", demo_scale(21));return 0;}\n");
    Path exe = work.resolve("t");
    Fixtures.run("aarch64-linux-gnu-gcc", "--sysroot=" + sysroot, "-o", exe.toString(), c.toString(), "-ldemo");
    assertThat(Fixtures.run("qemu-aarch64-static", "-L", sysroot.toString(), exe.toString()).strip()).isEqualTo("42");

    SysrootResult again =
        stage.run(request(tarball, List.of(Fixtures.patch("0001-configure-honour-host.patch")), Fixtures.cache()));
    assertThat(again.cacheHit()).isTrue();
    assertThat(again.path()).isEqualTo(sysroot);
  }

  @Test
  void aPatchThatDoesNotApplyNamesPatchAndLibraryAndPublishesNothing() throws Exception {
    Path tarball = Fixtures.libdemoTarball(work);
    Path bad = Files.writeString(work.resolve("0002-bad.patch"),
        "--- a/scale.c\n+++ b/scale.c\n@@ -1,3 +1,3 @@\n-#include <nothing/like/this.h>\n+#include <x.h>\n \n int demo_scale(int x)\n");
    Path cache = work.resolve("cache");

    assertThatThrownBy(() -> new SysrootStage(ProcessRunner.inheritingEnvironment(), Progress.SILENT)
            .run(request(tarball, List.of(Fixtures.patch("0001-configure-honour-host.patch"), bad), cache)))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("0002-bad.patch")
        .hasMessageContaining("library libdemo")
        .hasMessageContaining("scale.c")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    try (var list = Files.list(cache)) {
      assertThat(list.toList()).isEmpty();
    }
  }

  @Test
  void stagesInstalledArm64DevPackagesWithTheirRuntimeLibraries() throws Exception {
    // libmnl-dev:arm64 is installed by .ci/run (askbuild setup does the same for mono-gateway).
    Path sysroot = sysrootWith("libmnl-dev:arm64");

    assertThat(sysroot.resolve("usr/include/libmnl/libmnl.h")).exists();
    // The -dev package's link resolves to the runtime package's library inside the sysroot.
    assertThat(sysroot.resolve("usr/lib/aarch64-linux-gnu/libmnl.so").toRealPath()).startsWith(sysroot.toRealPath());
    linkAgainst(sysroot, "#include <libmnl/libmnl.h>\nint main(void){return mnl_socket_open(0) ? 0 : 0;}\n", "-lmnl");
    assertThat(Fixtures.run("env", "PKG_CONFIG_SYSROOT_DIR=" + sysroot,
        "PKG_CONFIG_LIBDIR=" + sysroot.resolve("usr/lib/aarch64-linux-gnu/pkgconfig"), "pkg-config", "--libs", "libmnl"))
        .contains("-lmnl");
  }

  @Test
  void aDevPackageThatOnlyNamesAnotherBringsTheRealOneAndItsLibrary() throws Exception {
    // libpcap-dev:arm64 (installed by .ci/run; mono-gateway's cmm needs it) holds no headers: it
    // depends on libpcap0.8-dev:arm64, which has pcap.h and pcap-bpf.h and links to libpcap0.8.
    Path sysroot = sysrootWith("libpcap-dev:arm64");

    assertThat(sysroot.resolve("usr/include/pcap-bpf.h")).exists();
    assertThat(sysroot.resolve("usr/lib/aarch64-linux-gnu/libpcap.so").toRealPath()).startsWith(sysroot.toRealPath());
    linkAgainst(sysroot, "#include <pcap.h>\n#include <pcap-bpf.h>\nint main(void){return pcap_lib_version() ? 0 : 1;}\n",
        "-lpcap");
  }

  @Test
  void runtimeLibrariesComeAlongDownTheChainUntilTheCrossLibcHasThem() throws Exception {
    // libcli-dev:arm64 (installed by .ci/run; ASK's cmm links libcli) -> libcli1.10 -> libcrypt1,
    // which Debian's cross libc does not have: without it in the sysroot, linking against libcli
    // fails, and the check stage could not resolve cmm's libraries.
    Path sysroot = sysrootWith("libcli-dev:arm64");

    assertThat(sysroot.resolve("usr/lib/aarch64-linux-gnu/libcrypt.so.1")).exists();
    linkAgainst(sysroot, "#include <libcli.h>\nint main(void){struct cli_def *c = cli_init(); return c ? 0 : 1;}\n", "-lcli");
  }

  /** A sysroot with just the cross libc and one installed -dev package (with what it needs). */
  private Path sysrootWith(String devPackage) throws Exception {
    SysrootRequest request = new SysrootRequest(Toolchain.arm64(), List.of(devPackage), List.of(),
        work, work.resolve("cache"), Fixtures.EPOCH, 2);
    return new SysrootStage(ProcessRunner.inheritingEnvironment(), Progress.SILENT).run(request).path();
  }

  /** Cross-compiles and links {@code source} against the sysroot; fails the test if that fails. */
  private void linkAgainst(Path sysroot, String source, String library) throws Exception {
    Path c = Files.writeString(work.resolve("prog.c"), source);
    Path program = work.resolve("prog");
    Files.deleteIfExists(program);
    Fixtures.run("aarch64-linux-gnu-gcc", "--sysroot=" + sysroot, "-o", program.toString(), c.toString(), library);
    assertThat(program).exists();
  }
}
