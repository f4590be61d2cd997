package dev.askbuild.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.fixture.DemoKernel;
import dev.askbuild.fixture.Fixtures;
import dev.askbuild.kernel.KernelResult;
import dev.askbuild.board.BuildKind;
import dev.askbuild.board.Boards;
import dev.askbuild.core.Toolchain;
import dev.askbuild.core.TrustedFile;
import dev.askbuild.sysroot.SysrootRequest;
import dev.askbuild.sysroot.SysrootStage;
import dev.askbuild.sysroot.VendoredLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ASK-shaped fixture built for real, offline, against the prepared demo kernel. */
class CompileStageTest {
  static Path inputs;
  static TrustedFile askTarball;
  static TrustedFile libdemo;
  static KernelResult kernel;
  static Path sysroot;

  @BeforeAll
  static void prepare(@TempDir Path dir) throws Exception {
    inputs = dir;
    // Both tarballs are written at once (writing one rewrites the other), then proven.
    askTarball = TrustedFile.hash("ask-demo.tar.gz", Fixtures.askTarball(dir));
    libdemo = TrustedFile.hash("libdemo-1.0.tar.gz", dir.resolve("libdemo-1.0.tar.gz"));
    kernel = DemoKernel.prepared();
    VendoredLibrary lib = new VendoredLibrary("libdemo", libdemo,
        List.of(Fixtures.patch("0001-configure-honour-host.patch")), BuildKind.AUTOTOOLS, List.of());
    sysroot = new SysrootStage(ProcessRunner.inheritingEnvironment(), Progress.SILENT)
        .run(new SysrootRequest(Toolchain.arm64(), List.of(), List.of(lib), dir.resolve("sysroot-work"),
            Fixtures.cache(), Fixtures.EPOCH, 2))
        .path();
  }

  private static CompileRequest request(Path work, CompilePlan plan, Target target) {
    return new CompileRequest(askTarball, Map.of(), Optional.of(kernel.treePath()), sysroot, work,
        Toolchain.arm64(), "DEMO", Fixtures.EPOCH, plan, target, plan.select(target, java.util.Set.of()), 2);
  }

  private static CompileResult compile(Path work, CompilePlan plan) throws Exception {
    return new CompileStage(ProcessRunner.inheritingEnvironment(), Progress.SILENT)
        .run(request(work, plan, Target.DIST));
  }


  @Test
  void buildsModulesAndUserspaceOfflineReproduciblyAndTheProgramRuns(@TempDir Path a, @TempDir Path b)
      throws Exception {
    CompilePlan plan = CompilePlans.forBoard(Boards.load("demo"));

    CompileResult first = compile(a.resolve("w"), plan);
    CompileResult second = compile(b.resolve("other-work-dir"), plan);

    try (var list = Files.list(first.distPath())) {
      assertThat(list.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("alpha.ko", "beta.ko", "hello", "libgreet.so.1");
    }
    assertThat(second.artifacts()).isEqualTo(first.artifacts());
    // beta links against alpha's export through KBUILD_EXTRA_SYMBOLS.
    assertThat(Fixtures.run("modprobe", "--dump-modversions", first.distPath().resolve("beta.ko").toString()))
        .contains("alpha_add");
    assertThat(Fixtures.run("readelf", "-h", first.distPath().resolve("hello").toString())).contains("AArch64");
    assertThat(Path.of(first.tree()).resolve("modules/alpha/version.h")).content().contains("tarball-");
    assertThat(Path.of(first.tree()).resolve(".git")).doesNotExist();
    String out = Fixtures.run("qemu-aarch64-static", "-L", sysroot.toString(),
        "-E", "LD_LIBRARY_PATH=" + first.distPath(), first.distPath().resolve("hello").toString(), "gateway");
    assertThat(out.strip()).isEqualTo("hello, gateway; scale(21) = 42");
  }

  @Test
  void aNetworkFetchFailsTheStageNamingTheCommand(@TempDir Path work) throws Exception {
    CompilePlan demo = CompilePlans.forBoard(Boards.load("demo"));
    // The upstream 'sources' step, unseeded, tries wget.
    List<CompilePlan.Step> steps = new ArrayList<>();
    steps.add(new CompilePlan.Step("sources", "userspace", ".", List.of("sources"), Map.of(), Map.of(),
        List.of("hello")));
    steps.addAll(demo.steps());
    CompilePlan fetching = new CompilePlan(demo.components(), List.of(), List.of(), demo.versionHeader(), List.of(), steps,
        demo.artifacts());

    assertThatThrownBy(() -> compile(work, fetching))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("offline build: sources tried to reach the network with: wget")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
  }

  @Test
  void aHostIncludePathInATargetCompileFailsNamingIt(@TempDir Path work) throws Exception {
    CompilePlan demo = CompilePlans.forBoard(Boards.load("demo"));
    CompilePlan.Step leaky = new CompilePlan.Step("userspace", "userspace", ".", List.of("userspace"),
        Map.of("CC", "${CC}", "AR", "${AR}", "CFLAGS", "-O2 -I/usr/include/x86_64-linux-gnu"), Map.of(),
        List.of("libgreet", "hello"));
    CompilePlan plan = new CompilePlan(demo.components(), List.of(), List.of(), Optional.empty(), List.of(), List.of(leaky),
        List.of());

    assertThatThrownBy(() -> new CompileStage(ProcessRunner.inheritingEnvironment(), Progress.SILENT)
            .run(request(work, plan, Target.USERSPACE)))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("host path in a target compile of userspace")
        .hasMessageContaining("/usr/include/x86_64-linux-gnu");
    assertThat(demo.steps()).isNotEmpty();
  }

  @Test
  void aKernelTreeLackingWhatAComponentNeedsFailsEarly(@TempDir Path work) throws Exception {
    CompilePlan demo = CompilePlans.forBoard(Boards.load("demo"));
    CompilePlan needy = new CompilePlan(demo.components(), List.of(), List.of(), Optional.empty(),
        List.of(new CompilePlan.Requirement("alpha", RequirementKind.KERNEL_FILE,
                "drivers/net/ethernet/freescale/sdk_fman/ncsw_config.mk"),
            new CompilePlan.Requirement("beta", RequirementKind.KERNEL_SYMBOL, "no_such_export")),
        demo.steps(), demo.artifacts());

    assertThatThrownBy(() -> compile(work, needy))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("component alpha needs kernel file drivers/net/ethernet/freescale/sdk_fman/ncsw_config.mk")
        // Every unmet requirement at once, not only the first.
        .hasMessageContaining("component beta needs kernel symbol no_such_export")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(work.resolve("src/ask/modules/alpha/alpha.ko")).doesNotExist();
  }

  @Test
  void theRealBoardOnDebiansKernelFailsEarlyNamingTheComponentAndWhatIsMissing(@TempDir Path work) throws Exception {
    CompilePlan monoGateway = CompilePlans.forBoard(Boards.load("mono-gateway"));

    assertThatThrownBy(() -> compile(work, monoGateway))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("component cdx needs kernel file drivers/net/ethernet/freescale/sdk_fman/ncsw_config.mk")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
  }
}
