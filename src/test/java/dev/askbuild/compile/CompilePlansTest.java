package dev.askbuild.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilePlansTest {
  @Test
  void monoGatewayPlanFollowsAsksLayout() throws Exception {
    CompilePlan plan = CompilePlans.forBoard(dev.askbuild.board.Boards.load("mono-gateway"));

    assertThat(plan.steps()).extracting(CompilePlan.Step::component)
        .containsExactly("cdx", "fci", "auto_bridge", "fmlib", "fmc", "libfci", "cmm", "dpa_app");
    assertThat(plan.steps().get(1).variables().get("KBUILD_EXTRA_SYMBOLS")).isEqualTo("${TREE}/cdx/Module.symvers");
    // fmc's host header paths point into the sysroot instead of /usr/include.
    assertThat(plan.steps().get(4).variables().get("LIBXML2_HEADER_PATH")).startsWith("${SYSROOT}");
    // cmm's flag is added to its own CFLAGS (exported, so its Makefile's += appends), not replacing them.
    assertThat(plan.steps().get(6).env()).containsEntry("CFLAGS", "-Wno-address-of-packed-member");
    assertThat(plan.seeds()).extracting(CompilePlan.Seed::vendored).containsExactly("fmlib", "fmc");
    assertThat(plan.artifacts()).extracting(CompilePlan.Artifact::name)
        .containsExactly("cdx.ko", "fci.ko", "auto_bridge.ko", "fmc", "cmm", "dpa_app");
  }

  @Test
  void missingOrWrongTypedFieldsNameFileAndField(@TempDir Path dir) throws Exception {
    Path noSteps = Files.writeString(dir.resolve("a.json"), "{\"artifacts\": []}");
    assertThatThrownBy(() -> CompilePlans.read(noSteps))
        .isInstanceOf(AskBuildException.class).hasMessageContaining("a.json").hasMessageContaining("'steps'");
    Path badPhase = Files.writeString(dir.resolve("b.json"),
        "{\"steps\": [{\"component\": \"x\", \"phase\": \"firmware\", \"dir\": \".\"}], \"artifacts\": []}");
    assertThatThrownBy(() -> CompilePlans.read(badPhase))
        .hasMessageContaining("b.json").hasMessageContaining("steps[].phase");
    Path badDir = Files.writeString(dir.resolve("c.json"),
        "{\"steps\": [{\"component\": \"x\", \"phase\": \"modules\", \"dir\": 3}], \"artifacts\": []}");
    assertThatThrownBy(() -> CompilePlans.read(badDir))
        .hasMessageContaining("c.json").hasMessageContaining("steps[].dir").hasMessageContaining("a string");
  }
}
