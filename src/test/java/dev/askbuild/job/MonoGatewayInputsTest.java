package dev.askbuild.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.compile.Target;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.core.Sha256;
import dev.askbuild.fixture.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real board's inputs as a run selects them: a run verifies and needs exactly the tarballs its
 * target and components read. The packages here are small stand-ins with the board's file names;
 * nothing is built.
 */
class MonoGatewayInputsTest {
  static final String ASK = "ASK-mt-6.12.49-2.2.0.tar.gz";

  private final Progress quiet = Progress.SILENT;

  @Test
  void aSelectionThatDeliversNothingIsRefusedBeforeAnyStage(@TempDir Path dir) throws Exception {
    Path packages = packages(dir, Map.of());

    assertThatThrownBy(() -> open(request(dir, packages, Target.USERSPACE, Set.of("libfci"))))
        .hasMessageStartingWith("--components libfci: nothing to deliver;");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void everyMissingTarballIsListedWithWhatNeedsIt(@TempDir Path dir) throws Exception {
    Path packages = packages(dir, Map.of());

    assertThatThrownBy(() -> open(request(dir, packages, Target.USERSPACE, Set.of("cmm"))).run(Stage.VERIFY))
        .isInstanceOf(AskBuildException.class)
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThatThrownBy(() -> open(request(dir, packages, Target.USERSPACE, Set.of("cmm"))).run(Stage.VERIFY))
        .hasMessage("board mono-gateway is missing 2 input tarball(s) for the userspace target (components cmm,libfci):\n"
            + "  libnfnetlink-1.0.2.tar.bz2: library libnfnetlink, needed by libnetfilter_conntrack (looked for "
            + packages.resolve("libnfnetlink-1.0.2.tar.bz2") + ")\n"
            + "  libnetfilter_conntrack-1.1.0.tar.xz: library libnetfilter_conntrack, needed by cmm (looked for "
            + packages.resolve("libnetfilter_conntrack-1.1.0.tar.xz") + ")");

    // dpa_app is built against fmc and fmlib; the dist target adds the kernel.
    assertThatThrownBy(() -> open(request(dir, packages, Target.DIST, Set.of("dpa_app"))).run(Stage.VERIFY))
        .hasMessageStartingWith("board mono-gateway is missing 3 input tarball(s) for the dist target (components"
            + " dpa_app,fmc,fmlib):\n  linux-lf-6.12.49-2.2.0.tar.gz: the kernel the dist target builds modules against")
        .hasMessageContaining("\n  fmlib-lf-6.12.49-2.2.0.tar.gz: library fmlib, needed by fmlib (")
        .hasMessageContaining("\n  fmc-lf-6.12.49-2.2.0.tar.gz: library fmc, needed by fmc (")
        .message().doesNotContain("libnfnetlink").doesNotContain(ASK);
  }

  @Test
  void aResultOfAnotherComponentSelectionIsNotReused(@TempDir Path dir) throws Exception {
    Path packages = packages(dir, Map.of(SERIES, SERIES_OK));
    kernel(dir, packages, COMPLETE);
    open(request(dir, packages, Target.MODULES, Set.of("auto_bridge"))).run(Stage.VERIFY);

    BoardJob other = open(request(dir, packages, Target.MODULES, Set.of("cdx")));
    assertThatThrownBy(() -> other.run(Stage.SYSROOT))
        .hasMessageContaining("belongs to another run (mono-gateway epoch " + Fixtures.EPOCH
            + " target modules components auto_bridge, not mono-gateway epoch " + Fixtures.EPOCH
            + " target modules components cdx)");
  }

  static final String KERNEL = "linux-lf-6.12.49-2.2.0.tar.gz";
  static final String SERIES = "patches/kernel/002-mono-gateway-ask-kernel_linux_6_12.patch";

  /** The board's series on the stand-in tree: a Kconfig symbol, a header and an export. */
  static final String SERIES_OK = """
      --- a/drivers/net/Kconfig
      +++ b/drivers/net/Kconfig
      @@ -1,2 +1,5 @@
       config NETDEVICES
       	bool "Network devices"
      +
      +config CPE_FAST_PATH
      +	bool "ASK fast path"
      --- /dev/null
      +++ b/include/linux/fsl_oh_port.h
      @@ -0,0 +1 @@
      +/* offline port */
      --- a/net/bridge/br_fdb.c
      +++ b/net/bridge/br_fdb.c
      @@ -1 +1,3 @@
       int br_fdb_find(void) { return 0; }
      +int br_fdb_register_can_expire_cb(void) { return 0; }
      +EXPORT_SYMBOL(br_fdb_register_can_expire_cb);
      """;

  @Test
  void aKernelPatchSeriesThatDoesNotApplyStopsVerifyBeforeTheSysroot(@TempDir Path dir) throws Exception {
    String missing = SERIES_OK + """
        --- a/drivers/net/ethernet/freescale/sdk_dpaa/Kconfig
        +++ b/drivers/net/ethernet/freescale/sdk_dpaa/Kconfig
        @@ -1 +1,2 @@
         config FSL_SDK_DPAA_ETH
        +	default y
        """;
    Path packages = packages(dir, Map.of(SERIES, missing));
    kernel(dir, packages, Map.of());

    BoardJob job = open(request(dir, packages, Target.MODULES, Set.of()));
    assertThatThrownBy(() -> job.run(Stage.VERIFY))
        .isInstanceOf(AskBuildException.class)
        .hasMessageStartingWith("kernel tarball " + KERNEL + " (Linux 6.12.49): kernel patch"
            + " 002-mono-gateway-ask-kernel_linux_6_12.patch does not apply: first rejected file"
            + " drivers/net/ethernet/freescale/sdk_dpaa/Kconfig (missing from the tree)")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(job.hasResult(Stage.VERIFY)).as("no verify result for the sysroot to start from").isFalse();
    assertThat(dir.resolve("out/logs/verify.log")).content().contains("does not apply");
  }

  private static final String PATCH_002 = "ASK's kernel patch 002-mono-gateway-ask-kernel_linux_6_12.patch";

  @Test
  void everyNeedOfTheSelectedComponentsTheTreeLacksIsListedAtVerify(@TempDir Path dir) throws Exception {
    Path packages = packages(dir, Map.of(SERIES, SERIES_OK));
    kernel(dir, packages, Map.of());

    assertThatThrownBy(() -> open(request(dir, packages, Target.MODULES, Set.of())).run(Stage.VERIFY))
        .hasMessage("kernel tarball " + KERNEL + " (Linux 6.12.49, with the board's patch series) lacks what 7"
            + " requirement(s) need (cdx needs the kernel's Module.symvers; fci needs the kernel's and cdx's"
            + " Module.symvers):\n"
            + "  component cdx needs kernel file drivers/net/ethernet/freescale/sdk_fman/ncsw_config.mk; it comes"
            + " from NXP's SDK drivers in linux-imx lf-6.12.49-2.2.0, not in kernel.org Linux\n"
            + "  component cdx needs kernel file drivers/net/ethernet/freescale/sdk_dpaa; it comes from NXP's SDK"
            + " drivers in linux-imx lf-6.12.49-2.2.0, not in kernel.org Linux\n"
            + "  component cdx needs kernel file drivers/crypto/caam/pdb.h; it comes from the kernel's CAAM driver,"
            + " extended by " + PATCH_002 + "\n"
            + "  component cdx needs kernel config CONFIG_INET_IPSEC_OFFLOAD (no Kconfig file of the patched tree"
            + " declares it); it comes from ASK's defconfig config/kernel/defconfig, for the Kconfig symbol "
            + PATCH_002 + " declares\n"
            + "  component auto_bridge needs kernel config CONFIG_BRIDGE (no Kconfig file of the patched tree"
            + " declares it); it comes from ASK's defconfig config/kernel/defconfig, which sets CONFIG_BRIDGE=y\n"
            + "  component auto_bridge needs kernel file net/bridge/br_private.h; it comes from the kernel's bridge,"
            + " extended by " + PATCH_002 + "\n"
            + "  component auto_bridge needs kernel symbol register_brevent_notifier (no source of the patched"
            + " tree exports it); it comes from " + PATCH_002 + ", which exports it")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
  }

  @Test
  void aTreeWithEverythingPassesVerifyWithTheNeedsCounted(@TempDir Path dir) throws Exception {
    Path packages = packages(dir, Map.of(SERIES, SERIES_OK));
    kernel(dir, packages, COMPLETE);

    StageRun verified = open(request(dir, packages, Target.MODULES, Set.of("auto_bridge"))).run(Stage.VERIFY);

    // The ASK and kernel tarballs, nothing vendored: no modules component needs a library.
    assertThat(verified.summary()).isInstanceOfSatisfying(StageSummary.Verify.class, v -> {
      assertThat(v.files()).isEqualTo(2L);
      assertThat(v.kernelVersion()).isEqualTo("6.12.49");
      assertThat(v.kernelPatchedFiles()).isEqualTo(3);
      assertThat(v.kernelNeedsChecked()).isEqualTo(5);
    });
  }

  /** What the stand-in tree lacks of mono-gateway's module needs, besides what the series adds. */
  static final Map<String, String> COMPLETE = Map.of(
      "drivers/net/ethernet/freescale/sdk_fman/ncsw_config.mk", "# ncsw\n",
      "drivers/net/ethernet/freescale/sdk_dpaa/Kconfig", "config FSL_SDK_DPAA_ETH\n\tbool\n",
      "drivers/crypto/caam/pdb.h", "/* pdb */\n",
      "net/Kconfig", "config INET_IPSEC_OFFLOAD\n\tbool\nconfig BRIDGE\n\ttristate\n",
      "net/bridge/br_private.h", "/* private */\n",
      "net/bridge/br_notify.c", "int register_brevent_notifier(void) { return 0; }\n"
          + "EXPORT_SYMBOL(register_brevent_notifier);\n");

  /** The stand-in kernel tarball under the board's name, with {@code extra} files, listed in SHA256SUMS. */
  static void kernel(Path dir, Path packages, Map<String, String> extra) throws Exception {
    Path top = dir.resolve("kernel-src/linux-lf-6.12.49");
    Map<String, String> files = new java.util.TreeMap<>(Map.of(
        "Makefile", "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 49\nEXTRAVERSION =\n",
        "Kconfig", "config MODULES\n\tbool \"Modules\"\n",
        "drivers/net/Kconfig", "config NETDEVICES\n\tbool \"Network devices\"\n",
        "net/bridge/br_fdb.c", "int br_fdb_find(void) { return 0; }\n",
        "include/linux/fsl_qman.h", "/* qman */\n"));
    files.putAll(extra);
    for (var e : files.entrySet()) {
      Path f = top.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
    }
    Fixtures.run("tar", "-czf", packages.resolve(KERNEL).toString(), "-C", dir.resolve("kernel-src").toString(),
        "linux-lf-6.12.49");
    Files.writeString(packages.resolve("SHA256SUMS"), Sha256.ofFile(packages.resolve(KERNEL)) + "  " + KERNEL + "\n",
        java.nio.file.StandardOpenOption.APPEND);
  }

  private BoardJob open(JobRequest request) throws IOException {
    return BoardJob.open(request, ProcessRunner.forBuilds(), quiet);
  }

  static JobRequest request(Path dir, Path packages, Target target, Set<String> components) {
    return new JobRequest("mono-gateway", Optional.of(packages), Map.of(), Optional.empty(), dir.resolve("out"),
        dir.resolve("cache"), Fixtures.EPOCH, Optional.empty(), Optional.empty(), false, false, target, components, 2);
  }

  /**
   * A packages directory with a stand-in ASK tarball holding {@code askFiles} (path to text) and
   * whatever else {@code extra} names, all listed in SHA256SUMS.
   */
  static Path packages(Path dir, Map<String, String> askFiles) throws Exception {
    Path src = Files.createDirectories(dir.resolve("ask-src/ASK-mt-6.12.49-2.2.0"));
    Files.writeString(src.resolve("README.md"), "stand-in for ASK\n");
    for (var e : askFiles.entrySet()) {
      Path f = src.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
    }
    Path packages = Files.createDirectories(dir.resolve("packages"));
    Fixtures.run("tar", "-czf", packages.resolve(ASK).toString(), "-C", dir.resolve("ask-src").toString(),
        "ASK-mt-6.12.49-2.2.0");
    Files.writeString(packages.resolve("SHA256SUMS"), Sha256.ofFile(packages.resolve(ASK)) + "  " + ASK + "\n");
    return packages;
  }
}
