package dev.askbuild.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.check.Artifact;
import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckResult;
import dev.askbuild.check.CheckStatus;
import dev.askbuild.check.CheckTarget;
import dev.askbuild.check.KernelFacts;
import dev.askbuild.compile.CompileResult;
import dev.askbuild.compile.Target;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.TrustedFile;
import dev.askbuild.extract.ArchiveFormat;
import dev.askbuild.extract.ExtractResult;
import dev.askbuild.kernel.KernelBuildMode;
import dev.askbuild.kernel.KernelManifest;
import dev.askbuild.kernel.KernelResult;
import dev.askbuild.sysroot.SysrootResult;
import dev.askbuild.verify.FileVerdict;
import dev.askbuild.verify.SignatureCheck;
import dev.askbuild.verify.Status;
import dev.askbuild.verify.VerifyReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every result type survives Java serialization (a Jenkins step's return value) and the JSON state a
 * stage leaves for the next stage's process, equal to what went in.
 */
class ResultSerializationTest {
  static final TrustedFile TARBALL = new TrustedFile("a.tar.gz", "/p/a.tar.gz", "ab".repeat(32), 10, 5, "(dev=1,ino=2)");
  static final KernelManifest MANIFEST = new KernelManifest("key", "6.12.57", "linux.tar.xz", "cd".repeat(32),
      "board demo kernel.config", "ef".repeat(32), "target:tinyconfig",
      List.of(new KernelManifest.PatchEntry("0001.patch", "01".repeat(32))), List.of("CONFIG_X"), true, "gcc 12",
      KernelBuildMode.FULL, 1714521600L, "02".repeat(32), "03".repeat(32));

  static List<Object> samples() {
    return List.of(
        new VerifyReport("/p/SHA256SUMS",
            List.of(new FileVerdict("a.tar.gz", TARBALL.sha256(), TARBALL.sha256(), Status.OK, true, TARBALL),
                FileVerdict.of("b.tar.gz", null, null, Status.UNLISTED)),
            new SignatureCheck("0123456789ABCDEF", "Release <r@example.org>"), false, List.of("verify: ok")),
        new SysrootResult("/c/sysroot-1", "99".repeat(32), true, List.of("sysroot: cache hit")),
        new KernelResult("/c/kernel/key/tree", "/o/work/kernel/kernel-manifest.json", MANIFEST, false,
            List.of("kernel: cache miss")),
        new CompileResult("/o/work/compile/src/ask", "/o/dist", Map.of("hello", "aa".repeat(32)),
            List.of("compile: hello")),
        new CheckReport(List.of(new Artifact("hello", 10, "aa".repeat(32), "executable")),
            List.of(new CheckResult("hello", "elf.machine", CheckStatus.PASS, "AArch64", "AArch64", "")),
            new KernelFacts("/k", "6.12.57", "c0", "be", true), CheckTarget.aarch64(), List.of("check: 1 passed")),
        new ExtractResult("/o/x", ArchiveFormat.values()[0], 3, 2, 1, 0, 0, 100, 0, "built-in"),
        StageRun.failed("kernel", ExitCode.CHECK_FAILED, "kernel build failed", 5),
        new Manifest("demo", 1714521600L, "dist", List.of("alpha", "beta"), "/p", List.of("verify"),
            List.of(StageRun.failed("verify", ExitCode.BAD_INPUT, "x", 1)), Map.of("hello", "aa")),
        StageRun.ok(Stage.COMPILE, "none", 5, List.of("compile: hello"),
            new StageSummary.Compile("/o/dist", Map.of("hello", "aa".repeat(32)))),
        StageRun.ok(Stage.VERIFY, "none", 5, List.of(), new StageSummary.Verify(true, 3, 2, 0, 0, "none", "/p/SHA256SUMS",
            null, null, null)));
  }

  @Test
  void everyResultSurvivesJavaSerialization() throws Exception {
    for (Object result : samples()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(result);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        assertThat(in.readObject()).as(result.getClass().getSimpleName()).isEqualTo(result);
      }
    }
  }

  @Test
  void everyStageResultSurvivesTheStateFileAStageLeavesForTheNext(@TempDir Path out) throws Exception {
    JobRequest request = JobRequest.of("demo", Optional.empty(), out, out.resolve("cache"));
    StageState state = new StageState(out.resolve("state"), request, selection(request));
    Map<Stage, Object> byStage = Map.of(Stage.VERIFY, samples().get(0), Stage.SYSROOT, samples().get(1),
        Stage.KERNEL, samples().get(2), Stage.COMPILE, samples().get(3), Stage.CHECK, samples().get(4));
    for (var e : byStage.entrySet()) {
      state.write(e.getKey(), e.getValue());
      Optional<Object> back = state.read(e.getKey(), e.getValue().getClass()).map(Object.class::cast);
      assertThat(back).as(e.getKey().label()).hasValue(e.getValue());
    }
    // A state file of another run (here: another target) is refused, never silently reused.
    JobRequest userspace = request.withTarget(Target.USERSPACE);
    StageState other = new StageState(out.resolve("state"), userspace, selection(userspace));
    assertThatThrownBy(() -> other.read(Stage.KERNEL, KernelResult.class))
        .hasMessageContaining("belongs to another run");
    assertThat(Files.readString(out.resolve("state/kernel.json"))).contains("\"build\" : \"full\"");
    assertThat(new ObjectMapper().readTree(out.resolve("state/verify.json").toFile()).path("run").asText())
        .isEqualTo("demo epoch 1714521600 target dist components alpha,beta,hello,libgreet");
  }

  private static Selection selection(JobRequest request) throws java.io.IOException {
    dev.askbuild.board.BoardProfile board = dev.askbuild.board.Boards.load(request.board());
    return Selection.of(board, dev.askbuild.compile.CompilePlans.forBoard(board), request.target(), request.components());
  }
}
