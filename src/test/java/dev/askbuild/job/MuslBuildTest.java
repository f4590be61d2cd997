package dev.askbuild.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.board.Boards;
import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckRequest;
import dev.askbuild.check.CheckResult;
import dev.askbuild.check.Checker;
import dev.askbuild.compile.Target;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.Libc;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.fixture.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo board with {@code --libc musl}: the library and the program are built against Debian's
 * musl and run under qemu with musl's loader, the modules are built as for glibc, the check passes;
 * the glibc build of the same program put into the musl dist fails the check, naming its
 * interpreter. The kernel is the cached demo kernel (libc plays no part in it).
 */
class MuslBuildTest {
  private static Manifest build(JobRequest request) throws Exception {
    BoardJob job = BoardJob.open(request, ProcessRunner.forBuilds(), Progress.SILENT);
    return job.build(EnumSet.allOf(Stage.class));
  }

  private static Path sysroot(Manifest manifest) {
    return Path.of(manifest.runs().stream().map(StageRun::summary).filter(StageSummary.Sysroot.class::isInstance)
        .map(StageSummary.Sysroot.class::cast).findFirst().orElseThrow().sysroot());
  }

  @Test
  void demoBuiltAgainstMuslRunsWithMuslsLoaderAndAGlibcProgramInItsDistFailsTheCheck(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("musl");
    Manifest musl = build(JobRequest.of("demo", Optional.empty(), out, Fixtures.cache()).withLibc(Libc.MUSL));

    assertThat(musl.runs()).extracting(StageRun::stage).containsExactly("verify", "sysroot", "kernel", "compile", "check");
    assertThat(musl.artifacts()).containsOnlyKeys("alpha.ko", "beta.ko", "hello", "libgreet.so.1");
    Path sysroot = sysroot(musl);
    assertThat(sysroot.getFileName().toString()).startsWith("sysroot-musl-");
    Path hello = out.resolve("dist/hello");
    String headers = Fixtures.run("aarch64-linux-gnu-readelf", "-l", "-d", hello.toString());
    assertThat(headers).contains("[Requesting program interpreter: /lib/ld-musl-aarch64.so.1]",
        "Shared library: [libgreet.so.1]", "Shared library: [libdemo.so.1]", "Shared library: [libc.so]")
        .doesNotContain("libc.so.6");
    assertThat(Fixtures.run("aarch64-linux-gnu-readelf", "-d", out.resolve("dist/libgreet.so.1").toString()))
        .contains("Shared library: [libc.so]").doesNotContain("libc.so.6");
    // libdemo, the vendored library, was cross-built into musl's usr/lib, not a multiarch directory.
    assertThat(sysroot.resolve("usr/lib/libdemo.so.1")).exists();
    // Kernel modules are built as for glibc: no libc in them.
    assertThat(Fixtures.run("aarch64-linux-gnu-readelf", "-h", out.resolve("dist/alpha.ko").toString())).contains("REL (Relocatable file)");

    // A real run: qemu maps / to the musl sysroot, so /lib/ld-musl-aarch64.so.1 is musl's loader.
    Process p = new ProcessBuilder("qemu-aarch64-static", "-L", sysroot.toString(), "-E",
        "LD_LIBRARY_PATH=" + out.resolve("dist"), hello.toString(), "musl").redirectErrorStream(true).start();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
        .isEqualTo("hello, musl; scale(21) = 42");
    assertThat(p.waitFor()).isZero();
    assertThat(out.resolve("reports/checks.json")).content().contains("/lib/ld-musl-aarch64.so.1");

    // The glibc build of the same program, into a copy of the musl dist.
    Manifest glibc = build(JobRequest.of("demo", Optional.empty(), dir.resolve("glibc"), Fixtures.cache())
        .withTarget(Target.USERSPACE));
    assertThat(sysroot(glibc)).isNotEqualTo(sysroot);
    Path mixed = Files.createDirectories(dir.resolve("mixed"));
    for (String name : List.of("hello", "libgreet.so.1")) {
      Files.copy(out.resolve("dist").resolve(name), mixed.resolve(name));
    }
    Files.copy(dir.resolve("glibc/dist/hello"), mixed.resolve("hello"), StandardCopyOption.REPLACE_EXISTING);
    CheckReport report = new Checker(Progress.SILENT).run(new CheckRequest(mixed, Optional.empty(), sysroot,
        CheckTargets.of(Boards.load("demo").withLibc(Libc.MUSL))));

    assertThat(report.passed()).isFalse();
    assertThat(report.failures()).extracting(CheckResult::describe).anySatisfy(line -> assertThat(line)
        .contains("hello", "/lib/ld-linux-aarch64.so.1", "a glibc binary (interpreter /lib/ld-linux-aarch64.so.1) in a musl dist"));
    // glibc's libc.so.6 is nowhere in the musl sysroot.
    assertThat(report.failures()).extracting(CheckResult::describe)
        .anySatisfy(line -> assertThat(line).contains("hello", "libc.so.6"));
    assertThat(report.failures()).extracting(CheckResult::describe).noneMatch(line -> line.contains("libgreet.so.1:"));

    // The reverse: the musl program in the glibc dist.
    Files.copy(hello, dir.resolve("glibc/dist/hello"), StandardCopyOption.REPLACE_EXISTING);
    CheckReport reverse = new Checker(Progress.SILENT).run(new CheckRequest(dir.resolve("glibc/dist"), Optional.empty(),
        sysroot(glibc), CheckTargets.of(Boards.load("demo"))));
    assertThat(reverse.failures()).extracting(CheckResult::describe).anySatisfy(line -> assertThat(line)
        .contains("hello", "a musl binary (interpreter /lib/ld-musl-aarch64.so.1) in a glibc dist"));
  }

  @Test
  void aComponentTheBoardCannotBuildAgainstMuslIsRefusedNamingItAndWhyBeforeAnythingRuns(@TempDir Path dir) throws java.io.IOException {
    // Packages, out and cache side by side: an out dir inside the packages directory is refused first.
    JobRequest request = JobRequest.of("mono-gateway", Optional.of(java.nio.file.Files.createDirectories(
            dir.resolve("packages"))), dir.resolve("out"), dir.resolve("cache"))
        .withTarget(Target.USERSPACE).withLibc(Libc.MUSL);
    JobRequest cmm = new JobRequest(request.board(), request.packages(), request.privateFiles(), request.kernelTar(),
        request.out(), request.cache(), request.epoch(), request.signature(), request.keyring(), false, false,
        Target.USERSPACE, Set.of("cmm"), 1, request.libc(), Optional.empty(), Optional.empty(), false);

    assertThatThrownBy(() -> BoardJob.open(cmm, ProcessRunner.forBuilds(), Progress.SILENT))
        .isInstanceOf(AskBuildException.class)
        .hasMessageStartingWith("component cmm cannot be built against musl: cmm links libnetfilter_conntrack")
        .hasMessageContaining("libmnl-dev:arm64")
        .hasMessageContaining("the userspace target's components that build against musl: --components libfci")
        .satisfies(e -> assertThat(((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    assertThat(dir.resolve("out")).doesNotExist();
    // The same selection against glibc is not refused by the plan.
    assertThat(Boards.load("mono-gateway").toolchain().libc()).isEqualTo(Libc.GLIBC);
  }
}
