package dev.askbuild.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Sha256;
import dev.askbuild.fixture.Fixtures;
import dev.askbuild.fixture.RecordedLines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo board end to end, offline, with the inputs it makes itself. */
class BuildPipelineTest {
  final RecordedLines progress = new RecordedLines();
  final List<String> lines = progress.lines;

  private Manifest build(JobRequest request) throws Exception {
    BoardJob job = BoardJob.open(request, ProcessRunner.forBuilds(), progress);
    return job.build(EnumSet.allOf(Stage.class));
  }

  @Test
  void demoBoardRunsEveryStageAndTheProgramRunsOnEmulatedArm64(@TempDir Path out) throws Exception {
    Manifest manifest = build(JobRequest.of("demo", Optional.empty(), out, Fixtures.cache()));

    assertThat(manifest.runs()).extracting(StageRun::stage)
        .containsExactly("verify", "sysroot", "kernel", "compile", "check");
    assertThat(lines).anyMatch(l -> l.startsWith("[kernel] ok"));
    assertThat(manifest.artifacts()).containsOnlyKeys("alpha.ko", "beta.ko", "hello", "libgreet.so.1");
    assertThat(out.resolve("manifest.json")).content().contains("\"board\" : \"demo\"", "beta.ko");
    // One log per stage, with the stage's own messages, also on a cache hit and when all checks pass.
    assertThat(out.resolve("logs/compile.log")).content()
        .contains("compile: modules (modules)", "==> compile-modules.log <==", "==> compile-userspace.log <==",
            "KBUILD_EXTRA_SYMBOLS=");
    assertThat(out.resolve("logs/verify.log")).content().contains("verify: ok ask-demo.tar.gz", "(pinned)");
    assertThat(out.resolve("logs/sysroot.log")).content().containsPattern("sysroot: cache (hit|miss)");
    assertThat(out.resolve("logs/kernel.log")).content().containsPattern("kernel: cache (hit|miss)");
    assertThat(out.resolve("logs/check.log")).content().contains("check: ", "passed", "check: ok");
    assertThat(out.resolve("reports/checks.xml")).content().contains("beta.ko");
    assertThat(out.resolve("reports/provenance.json")).content().contains("linux-source-6.12.tar.xz", "ask-demo.tar.gz");
    assertThat(out.resolve("reports/SHA256SUMS")).content().contains(manifest.artifacts().get("hello") + "  hello");
    // Generated inputs live in the cache, not in the output directory.
    try (var list = Files.list(out)) {
      assertThat(list.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("dist", "logs", "manifest.json", "reports", "state", "work");
    }
    String sysroot = ((StageSummary.Sysroot) manifest.runs().get(1).summary()).sysroot();
    Process p = new ProcessBuilder("qemu-aarch64-static", "-L", sysroot, "-E",
        "LD_LIBRARY_PATH=" + out.resolve("dist"), out.resolve("dist/hello").toString()).redirectErrorStream(true).start();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
        .isEqualTo("hello, board; scale(21) = 42");
    assertThat(p.waitFor()).isZero();
  }

  /** A copy of the demo inputs in a packages directory of the test's own, the kernel read in place. */
  private static JobRequest copiedInputs(Path dir, Path out) throws Exception {
    Path packages = Files.createDirectories(dir.resolve("packages"));
    Path generated = DemoInputs.prepare(Fixtures.cache()).packages();
    for (String name : List.of("ask-demo.tar.gz", "libdemo-1.0.tar.gz", "SHA256SUMS")) {
      Files.copy(generated.resolve(name), packages.resolve(name));
    }
    JobRequest plain = JobRequest.of("demo", Optional.of(packages), out, Fixtures.cache());
    return new JobRequest("demo", Optional.of(packages), Map.of(), Optional.of(DemoInputs.DEBIAN_KERNEL_TAR), out,
        plain.cache(), plain.epoch(), Optional.empty(), Optional.empty(), false, false, plain.target(), java.util.Set.of(),
        plain.jobs());
  }

  @Test
  void theUserspaceTargetNeedsNoKernelTarballAndTheModulesTargetBuildsOnlyModules(@TempDir Path dir) throws Exception {
    JobRequest copied = copiedInputs(dir, dir.resolve("userspace"));
    // No kernel tarball anywhere: not in the packages directory, no --kernel-tar.
    JobRequest userspace = new JobRequest("demo", copied.packages(), Map.of(), Optional.empty(), copied.out(),
        copied.cache(), copied.epoch(), Optional.empty(), Optional.empty(), false, false,
        dev.askbuild.compile.Target.USERSPACE, java.util.Set.of(), copied.jobs());

    Manifest built = build(userspace);

    assertThat(built.runs()).extracting(StageRun::stage).containsExactly("verify", "sysroot", "compile", "check");
    assertThat(built.artifacts()).containsOnlyKeys("hello", "libgreet.so.1");
    assertThat(dir.resolve("userspace/reports/checks.xml")).content().contains("hello").doesNotContain("alpha.ko");

    Manifest modules = build(JobRequest.of("demo", Optional.empty(), dir.resolve("modules"), Fixtures.cache())
        .withTarget(dev.askbuild.compile.Target.MODULES));
    assertThat(modules.artifacts()).containsOnlyKeys("alpha.ko", "beta.ko");
    assertThat(modules.components()).containsExactly("alpha", "beta");
    // No module needs libdemo, so the modules run's sysroot has none of it; the userspace one has.
    assertThat(sysroot(modules).resolve("usr/include/demo/scale.h")).doesNotExist();
    assertThat(sysroot(built).resolve("usr/include/demo/scale.h")).exists();
  }

  private static Path sysroot(Manifest manifest) {
    return Path.of(manifest.runs().stream().map(StageRun::summary).filter(StageSummary.Sysroot.class::isInstance)
        .map(StageSummary.Sysroot.class::cast).findFirst().orElseThrow().sysroot());
  }

  @Test
  void aKernelTarballOfAnotherLineIsRefusedAtVerifyNamingBothVersions(@TempDir Path dir) throws Exception {
    JobRequest copied = copiedInputs(dir, dir.resolve("run"));
    // A real tarball layout with another kernel's top-level Makefile, listed in SHA256SUMS.
    Path tree = Files.createDirectories(dir.resolve("src/linux-5.4.281"));
    Files.writeString(tree.resolve("Makefile"), "# SPDX-License-Identifier: GPL-2.0\nVERSION = 5\nPATCHLEVEL = 4\n"
        + "SUBLEVEL = 281\nEXTRAVERSION =\n");
    Path old = dir.resolve("packages/linux-5.4.281.tar.gz");
    Fixtures.run("tar", "-czf", old.toString(), "-C", dir.resolve("src").toString(), "linux-5.4.281");
    Files.writeString(dir.resolve("packages/SHA256SUMS"),
        Sha256.ofFile(old) + "  linux-5.4.281.tar.gz\n", java.nio.file.StandardOpenOption.APPEND);
    JobRequest request = new JobRequest("demo", copied.packages(), Map.of(), Optional.of(old), copied.out(),
        copied.cache(), copied.epoch(), Optional.empty(), Optional.empty(), false, false, copied.target(),
        java.util.Set.of(), copied.jobs());

    assertThatThrownBy(() -> build(request))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("kernel tarball linux-5.4.281.tar.gz is Linux 5.4.281, but board demo is built on Linux 6.12")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(lines).noneMatch(l -> l.startsWith("[sysroot]"));
  }

  @Test
  void aTarballReplacedAfterVerificationIsRefusedNotTrustedByItsOldHash(@TempDir Path dir) throws Exception {
    JobRequest request = copiedInputs(dir, dir.resolve("run"));
    BoardJob job = BoardJob.open(request, ProcessRunner.forBuilds(), progress);
    job.run(Stage.VERIFY);
    // Replaced between stages, here even by the same bytes: a new file, not the one that was proven.
    Path libdemo = dir.resolve("packages/libdemo-1.0.tar.gz");
    Path swap = Files.copy(libdemo, dir.resolve("swap.tar.gz"));
    Files.move(swap, libdemo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    // A new process (as the next Jenkins step or container stage) reads verify's result from state.
    BoardJob next = BoardJob.open(request, ProcessRunner.forBuilds(), progress);
    assertThatThrownBy(() -> next.run(Stage.SYSROOT))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("libdemo-1.0.tar.gz")
        .hasMessageContaining("changed after it was verified")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(dir.resolve("run/logs/sysroot.log")).content().contains("sysroot: FAILED");
  }

  @Test
  void aTamperedTarballStopsTheRunAtVerifyWithExitOne(@TempDir Path dir) throws Exception {
    JobRequest request = copiedInputs(dir, dir.resolve("run"));
    Files.writeString(dir.resolve("packages/libdemo-1.0.tar.gz"), "tampered");

    assertThatThrownBy(() -> build(request))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("libdemo-1.0.tar.gz")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(dir.resolve("run/dist")).doesNotExist();
    assertThat(lines).noneMatch(l -> l.startsWith("[sysroot]"));
  }

  @Test
  void aPinnedHashWinsOverARewrittenChecksumList(@TempDir Path dir) throws Exception {
    JobRequest request = copiedInputs(dir, dir.resolve("run"));
    Path libdemo = dir.resolve("packages/libdemo-1.0.tar.gz");
    Files.writeString(libdemo, "tampered");
    // Whoever replaced the tarball also rewrote the list beside it to match.
    Path sums = dir.resolve("packages/SHA256SUMS");
    String rewritten = Files.readString(sums).replaceAll("(?m)^[0-9a-f]{64}(  libdemo-1\\.0\\.tar\\.gz)$",
        Sha256.ofFile(libdemo) + "$1");
    Files.writeString(sums, rewritten);
    assertThat(rewritten).contains(Sha256.ofFile(libdemo) + "  libdemo-1.0.tar.gz");

    assertThatThrownBy(() -> build(request))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("libdemo-1.0.tar.gz is listed with " + Sha256.ofFile(libdemo))
        .hasMessageContaining("but the board pins")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(dir.resolve("run/logs/verify.log")).content().contains("checksum list conflict");
    assertThat(lines).noneMatch(l -> l.startsWith("[sysroot]"));
  }
}
