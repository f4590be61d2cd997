package dev.askbuild.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.board.Boards;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.Progress;
import dev.askbuild.fixture.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo board end to end, offline, with the inputs it makes itself. */
class BuildPipelineTest {
  final List<String> lines = new ArrayList<>();
  final Progress progress = new Progress() {
    @Override
    public void info(String line) {
      lines.add(line);
    }

    @Override
    public void warn(String line) {
      lines.add("warning: " + line);
    }
  };

  private BuildRequest demo(Path out, Optional<Path> packages, EnumSet<Stage> stages) throws Exception {
    return new BuildRequest(Boards.load("demo"), packages, out, stages, Fixtures.EPOCH, Fixtures.cache(),
        Optional.empty(), Optional.empty());
  }

  @Test
  void demoBoardRunsEveryStageAndTheProgramRunsOnEmulatedArm64(@TempDir Path out) throws Exception {
    BuildSummary summary = new BuildPipeline(progress)
        .run(demo(out, Optional.empty(), EnumSet.allOf(Stage.class)));

    assertThat(summary.stages()).extracting(StageOutcome::stage)
        .containsExactly("verify", "sysroot", "kernel", "compile", "check");
    assertThat(lines).anyMatch(l -> l.startsWith("[kernel] ok"));
    assertThat(summary.artifacts()).containsOnlyKeys("alpha.ko", "beta.ko", "hello", "libgreet.so.1");
    assertThat(out.resolve("manifest.json")).content().contains("\"board\" : \"demo\"", "beta.ko");
    // One log per stage that ran commands: what each make printed, in the order the steps ran.
    assertThat(out.resolve("logs/compile.log")).content()
        .contains("==> compile-modules.log <==", "==> compile-userspace.log <==", "KBUILD_EXTRA_SYMBOLS=");
    assertThat(out.resolve("logs/verify.log")).content().contains("OK ask-demo.tar.gz");
    assertThat(out.resolve("reports/checks.xml")).content().contains("beta.ko");
    assertThat(out.resolve("reports/provenance.json")).content().contains("linux-source-6.12.tar.xz", "ask-demo.tar.gz");
    assertThat(out.resolve("reports/SHA256SUMS")).content().contains(summary.artifacts().get("hello") + "  hello");
    Process p = new ProcessBuilder("qemu-aarch64-static", "-L", summary.sysroot(), "-E",
        "LD_LIBRARY_PATH=" + out.resolve("dist"), out.resolve("dist/hello").toString()).redirectErrorStream(true).start();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
        .isEqualTo("hello, board; scale(21) = 42");
    assertThat(p.waitFor()).isZero();
  }

  @Test
  void aTamperedTarballStopsTheRunAtVerifyWithExitOne(@TempDir Path out) throws Exception {
    Path packages = out.resolve("packages");
    DemoInputs.write(packages, Fixtures.EPOCH);
    Files.writeString(packages.resolve("libdemo-1.0.tar.gz"), "tampered");

    assertThatThrownBy(() -> new BuildPipeline(progress)
            .run(demo(out.resolve("run"), Optional.of(packages), EnumSet.allOf(Stage.class))))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("libdemo-1.0.tar.gz")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(out.resolve("run/dist")).doesNotExist();
    assertThat(lines).noneMatch(l -> l.startsWith("[sysroot]"));
  }
}
