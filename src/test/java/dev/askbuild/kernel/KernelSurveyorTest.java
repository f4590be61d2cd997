package dev.askbuild.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.TrustedFile;
import dev.askbuild.fixture.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kernel tarball surveyed with a real patch series applied by GNU patch to the files it touches. */
class KernelSurveyorTest {
  /** Adds a config symbol and an export, creates a header, deletes a file. */
  static final String SERIES_OK = """
      --- a/Makefile
      +++ b/Makefile
      @@ -1,4 +1,4 @@
       VERSION = 6
       PATCHLEVEL = 12
       SUBLEVEL = 49
      -EXTRAVERSION =
      +EXTRAVERSION = -ask
      --- a/drivers/net/Kconfig
      +++ b/drivers/net/Kconfig
      @@ -1,2 +1,5 @@
       config NETDEVICES
       	bool "Network devices"
      +
      +config CPE_FAST_PATH
      +	bool "ASK fast path"
      --- a/net/bridge/br_fdb.c
      +++ b/net/bridge/br_fdb.c
      @@ -1,2 +1,4 @@
       int br_fdb_find(void) { return 0; }
       EXPORT_SYMBOL(br_fdb_find);
      +int br_fdb_register_can_expire_cb(void) { return 0; }
      +EXPORT_SYMBOL_GPL(br_fdb_register_can_expire_cb);
      --- /dev/null
      +++ b/include/linux/fsl_oh_port.h
      @@ -0,0 +1 @@
      +/* offline port */
      --- a/drivers/old.c
      +++ /dev/null
      @@ -1 +0,0 @@
      -int old;
      """;

  /** Its second file is not in the tree. */
  static final String SERIES_MISSING = """
      --- a/drivers/net/Kconfig
      +++ b/drivers/net/Kconfig
      @@ -1,2 +1,3 @@
       config NETDEVICES
       	bool "Network devices"
      +# touched
      --- a/drivers/net/ethernet/freescale/sdk_dpaa/Kconfig
      +++ b/drivers/net/ethernet/freescale/sdk_dpaa/Kconfig
      @@ -1 +1,2 @@
       config FSL_SDK_DPAA_ETH
      +	default y
      """;

  @Test
  void theSurveyIsOfThePatchedTreeAndIsKeptByItsInputsHashes(@TempDir Path dir) throws Exception {
    TrustedFile tarball = kernelTarball(dir);
    PatchSeries series = series(dir, "0001-ask.patch", SERIES_OK);

    KernelSurvey survey = new KernelSurveyor(ProcessRunner.forBuilds())
        .survey(tarball, series, "arm64", dir.resolve("work"), dir.resolve("cache"));

    assertThat(survey.version()).isEqualTo("6.12.49");
    assertThat(survey.declares("CONFIG_CPE_FAST_PATH")).isTrue();
    assertThat(survey.declares("CONFIG_MODULES")).isTrue();
    assertThat(survey.declares("CONFIG_X86_ONLY")).as("another architecture's symbol").isFalse();
    assertThat(survey.exports("br_fdb_find")).isTrue();
    assertThat(survey.exports("br_fdb_register_can_expire_cb")).isTrue();
    assertThat(survey.has("include/linux/fsl_oh_port.h")).isTrue();
    assertThat(survey.has("include/linux")).isTrue();
    assertThat(survey.has("drivers/old.c")).as("deleted by the series").isFalse();
    assertThat(survey.has("drivers/net/ethernet")).isFalse();
    // The series touches the top-level Makefile too: the version is still the tree's own.
    assertThat(survey.patched()).containsExactlyInAnyOrder("Makefile", "drivers/net/Kconfig", "net/bridge/br_fdb.c",
        "include/linux/fsl_oh_port.h", "drivers/old.c");
    assertThat(survey.messages()).singleElement().asString()
        .contains("patch series (1 patch(es), 5 files) applies");
    assertThat(dir.resolve("work/tree")).doesNotExist();

    KernelSurvey again = new KernelSurveyor(ProcessRunner.forBuilds())
        .survey(tarball, series, "arm64", dir.resolve("work2"), dir.resolve("cache"));
    assertThat(again.messages()).singleElement().asString().contains("from the cache");
    assertThat(again.exports()).isEqualTo(survey.exports());
    assertThat(dir.resolve("work2/logs")).as("nothing patched on a cache hit").doesNotExist();
  }

  @Test
  void aKernelEntryCarriesItsSurveyToAnotherCache(@TempDir Path dir) throws Exception {
    TrustedFile tarball = kernelTarball(dir);
    PatchSeries series = series(dir, "0001-ask.patch", SERIES_OK);
    KernelSurvey survey = new KernelSurveyor(ProcessRunner.forBuilds())
        .survey(tarball, series, "arm64", dir.resolve("work"), dir.resolve("cache"));
    // An entry the kernel stage publishes keeps the survey of its inputs; here one carried to an
    // empty cache (as `cache export` and `import` do), with its manifest.
    Path entry = Files.createDirectories(dir.resolve("other/kernel/0123456789abcdef01234567"));
    KernelSurveyor.keepIn(entry, dir.resolve("cache"), tarball, series, "arm64");
    dev.askbuild.cache.EntryManifest.write(entry);

    KernelSurvey carried = new KernelSurveyor(ProcessRunner.forBuilds())
        .survey(tarball, series, "arm64", dir.resolve("work2"), dir.resolve("other"));
    assertThat(carried.messages()).singleElement().asString().contains("from the cache");
    assertThat(carried.exports()).isEqualTo(survey.exports());
    assertThat(dir.resolve("work2/logs")).as("the tarball was not surveyed again").doesNotExist();

    // A copy changed after publishing is not trusted: the tarball is surveyed again.
    Path copy = entry.resolve(KernelSurveyor.fileInEntry(KernelSurveyor.key(tarball, series, "arm64")));
    Files.writeString(copy, Files.readString(copy).replace("br_fdb_find", "br_fdb_lost"));
    Files.createDirectories(dir.resolve("third/kernel"));
    Files.move(entry, dir.resolve("third/kernel/0123456789abcdef01234567"));
    KernelSurvey third = new KernelSurveyor(ProcessRunner.forBuilds())
        .survey(tarball, series, "arm64", dir.resolve("work3"), dir.resolve("third"));
    assertThat(third.messages()).singleElement().asString().startsWith("verify: surveyed ");
    assertThat(third.exports("br_fdb_find")).isTrue();
  }

  @Test
  void aSeriesThatDoesNotApplyFailsNamingThePatchAndTheMissingFileAndIsNotCached(@TempDir Path dir)
      throws Exception {
    TrustedFile tarball = kernelTarball(dir);
    PatchSeries series = series(dir, "002-mono-gateway-ask-kernel_linux_6_12.patch", SERIES_MISSING);

    assertThatThrownBy(() -> new KernelSurveyor(ProcessRunner.forBuilds())
        .survey(tarball, series, "arm64", dir.resolve("work"), dir.resolve("cache")))
        .isInstanceOf(AskBuildException.class)
        .hasMessageStartingWith("kernel tarball linux-lf-6.12.49-2.2.0.tar.gz (Linux 6.12.49): kernel patch"
            + " 002-mono-gateway-ask-kernel_linux_6_12.patch does not apply: first rejected file"
            + " drivers/net/ethernet/freescale/sdk_dpaa/Kconfig (missing from the tree); 1 file missing from the tree")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(dir.resolve("cache/kernel-survey")).doesNotExist();
  }

  @Test
  void patchTargetsSkipHunkBodiesSoARemovedDashLineIsNoHeader() {
    String patch = """
        diff --git a/tools/a.sql b/tools/b.sql
        similarity index 90%
        rename from tools/a.sql
        rename to tools/b.sql
        --- a/tools/a.sql
        +++ b/tools/b.sql
        @@ -1,2 +1,1 @@
         select 1;
        --- c/etc/passwd
        --- /dev/null
        +++ b/new.h
        @@ -0,0 +1 @@
        +x
        """;
    assertThat(PatchTargets.parse("p", patch)).containsExactly("new.h", "tools/a.sql", "tools/b.sql");
    assertThatThrownBy(() -> PatchTargets.parse("evil.patch", "--- a/../../etc/passwd\n+++ b/../../etc/passwd\n"))
        .hasMessage("patch evil.patch names '../../etc/passwd', which is outside the kernel tree");
  }

  static TrustedFile kernelTarball(Path dir) throws Exception {
    Path top = dir.resolve("src/linux-lf-6.12.49");
    Map<String, String> files = Map.of(
        "Makefile", "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 49\nEXTRAVERSION =\n",
        "Kconfig", "config MODULES\n\tbool \"Modules\"\n",
        "arch/x86/Kconfig", "config X86_ONLY\n\tbool\n",
        "arch/arm64/Kconfig", "config ARM64\n\tdef_bool y\n",
        "drivers/net/Kconfig", "config NETDEVICES\n\tbool \"Network devices\"\n",
        "drivers/old.c", "int old;\n",
        "net/bridge/br_fdb.c", "int br_fdb_find(void) { return 0; }\nEXPORT_SYMBOL(br_fdb_find);\n",
        "include/linux/fsl_qman.h", "/* qman */\n");
    for (var e : files.entrySet()) {
      Path f = top.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
    }
    Path tarball = dir.resolve("linux-lf-6.12.49-2.2.0.tar.gz");
    Fixtures.run("tar", "-czf", tarball.toString(), "-C", dir.resolve("src").toString(), "linux-lf-6.12.49");
    return TrustedFile.hash(tarball.getFileName().toString(), tarball);
  }

  static PatchSeries series(Path dir, String name, String text) throws Exception {
    Path patch = Files.createDirectories(dir.resolve("patches")).resolve(name);
    Files.writeString(patch, text);
    return PatchSeries.of(patch);
  }
}
