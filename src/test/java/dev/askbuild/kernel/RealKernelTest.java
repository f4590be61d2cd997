package dev.askbuild.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Command;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel stage on Debian's real 6.12 tree. */
class RealKernelTest {
  @Test
  void seedFragmentDropsExactlyXtablesLegacyAndLegacyIptablesResolveToY() throws IOException {
    KernelResult result = TestKernels.seedConfig();

    assertThat(result.droppedSymbols()).containsExactly("CONFIG_NETFILTER_XTABLES_LEGACY");
    String config = Files.readString(result.treePath().resolve(".config"));
    assertThat(config).contains("\nCONFIG_IP_NF_IPTABLES_LEGACY=y\n", "\nCONFIG_IP6_NF_IPTABLES_LEGACY=y\n");
    assertThat(result.manifest().build()).isEqualTo(KernelBuildMode.CONFIG_ONLY);
    assertThat(result.manifest().kernelRelease()).startsWith("6.12.");
  }

  @Test
  void noFilterReproducesTheSeedsXtablesLegacyMismatch() throws IOException {
    KernelRequest request = TestKernels.seedRequest().withFilter(false);

    assertThatThrownBy(() -> new KernelStage(ProcessRunner.forBuilds(), Progress.SILENT).run(request))
        .isInstanceOf(AskBuildException.class)
        .hasMessageStartingWith(
            "kconfig mismatch: CONFIG_NETFILTER_XTABLES_LEGACY\n"
                + "expected: CONFIG_NETFILTER_XTABLES_LEGACY=y\n"
                + "actual: <missing>\n"
                + "1 fragment setting(s)")
        .extracting(e -> ((AskBuildException) e).exitCode())
        .isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(leftovers(TestKernels.cache(), request)).isEmpty();
  }

  @Test
  void tinyconfigFullBuildProducesNonEmptyModuleSymvers() throws IOException {
    KernelResult result = TestKernels.hookTree();

    Path symvers = result.treePath().resolve("Module.symvers");
    assertThat(symvers).isNotEmptyFile();
    assertThat(Files.readString(symvers)).contains("\taskbuild_fast_path_hook\t");
    assertThat(result.manifest().build()).isEqualTo(KernelBuildMode.FULL);
    assertThat(result.manifest().moduleSymversSha256()).hasSize(64);
    assertThat(result.manifest().patches()).extracting(KernelManifest.PatchEntry::name)
        .containsExactly("0001-add-exported-hook.patch");
    assertThat(result.manifestPath()).isRegularFile();
    System.out.printf("tinyconfig full build (or cache hit) wall time: %.1f s%n", TestKernels.hookTreeMillis() / 1000.0);
  }

  @Test
  void fixtureModuleLinksAgainstThePatchedHook(@TempDir Path dir) throws IOException {
    KernelResult result = TestKernels.hookTree();
    Path module = dir.resolve("hook-user");
    Files.createDirectories(module);
    for (String name : new String[] {"hook_user.c", "Makefile"}) {
      Files.copy(TestKernels.resource("hook-user/" + name), module.resolve(name));
    }
    ProcessRunner runner = ProcessRunner.inheritingEnvironment();
    Path log = dir.resolve("module.log");
    runner.runChecked(
        new Command(
            java.util.List.of("make", "-C", result.tree(), "M=" + module, "ARCH=arm64", "CROSS_COMPILE=aarch64-linux-gnu-", "modules"),
            dir,
            Map.of()),
        log,
        "fixture module build");

    Path ko = module.resolve("hook_user.ko");
    assertThat(ko).isNotEmptyFile();
    Path versions = dir.resolve("versions.bin");
    runner.runChecked(
        Command.of(dir, "aarch64-linux-gnu-objcopy", "-O", "binary", "--only-section=__versions", ko.toString(), versions.toString()),
        log,
        "reading __versions");
    assertThat(new String(Files.readAllBytes(versions), java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("askbuild_fast_path_hook");
  }

  @Test
  void secondRunWithSameInputsIsACacheHit() throws IOException {
    Path symvers = TestKernels.hookTree().treePath().resolve("Module.symvers");
    FileTime built = Files.getLastModifiedTime(symvers);

    KernelResult again = new KernelStage(ProcessRunner.forBuilds(), Progress.SILENT).run(TestKernels.hookTreeRequest());

    assertThat(again.cacheHit()).isTrue();
    assertThat(again.messages().get(0)).startsWith("kernel: cache hit");
    // The same tree, not rebuilt: what the full build wrote is untouched.
    assertThat(again.treePath().resolve("Module.symvers")).isEqualTo(symvers);
    assertThat(Files.getLastModifiedTime(symvers)).isEqualTo(built);
  }

  @Test
  void kconfigScanOfThe612TreeFindsTheDeclaredSymbols() throws IOException {
    Path tree = TestKernels.hookTree().treePath();
    Set<String> symbols = KconfigScanner.declaredSymbols(tree, "arm64");

    assertThat(symbols).contains("CONFIG_MODVERSIONS", "CONFIG_IP_NF_IPTABLES_LEGACY", "CONFIG_NETFILTER")
        .doesNotContain("CONFIG_NETFILTER_XTABLES_LEGACY");
  }

  @Test
  void patchThatDoesNotApplyFailsNamingPatchAndFileAndCachesNothing(@TempDir Path work) throws IOException {
    Path cache = work.resolve("cache");
    KernelRequest request =
        KernelRequest.arm64(TestKernels.trustedTarball(), TestKernels.seedFragment(), BaseConfig.target("tinyconfig"), work, cache)
            .withPatches(PatchSeries.of(TestKernels.resource("bad-patches")));

    assertThatThrownBy(() -> new KernelStage(ProcessRunner.forBuilds(), Progress.SILENT).run(request))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("kernel patch 0002-does-not-apply.patch does not apply: first rejected file kernel/fork.c")
        .extracting(e -> ((AskBuildException) e).exitCode())
        .isEqualTo(ExitCode.CHECK_FAILED);
    try (Stream<Path> entries = Files.list(cache.resolve("kernel"))) {
      assertThat(entries).isEmpty();
    }
    FileTrees.deleteQuietly(cache);
  }

  /**
   * Cache entries and staging directories a failed run of {@code request} could have left. The run
   * got as far as its Kconfig check, so it made the cache directory: a missing one means this looks
   * in the wrong place, not that nothing was left.
   */
  static java.util.List<Path> leftovers(Path cache, KernelRequest request) throws IOException {
    Path dir = cache.resolve("kernel");
    assertThat(dir).as("the kernel cache directory the failed run staged in").isDirectory();
    String toolchain = ProcessRunner.inheritingEnvironment()
        .capture(Command.of(dir, request.toolchain().tool("gcc"), "--version")).lines().findFirst().orElse("").strip();
    String id = CacheKey.of(request, request.kernelTar().sha256(), toolchain).id();
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().contains(id)).toList();
    }
  }
}
