package dev.askbuild.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.board.Boards;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.Libc;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LibcRefusalsTest {
  @Test
  void aRefusedComponentIsNamedWithItsReasonAndWhatCanBeBuiltInstead() throws Exception {
    CompilePlan mono = CompilePlans.forBoard(Boards.load("mono-gateway"));
    assertThatThrownBy(() -> mono.requireBuildable(Libc.MUSL, mono.select(Target.DIST, Set.of("dpa_app")), Target.DIST))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("component dpa_app cannot be built against musl: dpa_app links fmc, libstdc++")
        .hasMessageContaining("component fmc cannot be built against musl: fmc is C++")
        // Modules are not refused: no libc in them.
        .hasMessageContaining("the dist target's components that build against musl: --components auto_bridge,cdx,fci,fmlib,libfci")
        .satisfies(e -> assertThat(((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    // Nothing refused for glibc, nor for musl what it can build.
    mono.requireBuildable(Libc.GLIBC, mono.select(Target.DIST, Set.of()), Target.DIST);
    mono.requireBuildable(Libc.MUSL, mono.select(Target.DIST, Set.of("libfci", "cdx")), Target.DIST);
    CompilePlan demo = CompilePlans.forBoard(Boards.load("demo"));
    demo.requireBuildable(Libc.MUSL, demo.select(Target.DIST, Set.of()), Target.DIST);
  }

  @Test
  void aRefusalOfAnUndeclaredComponentOrAnUnknownLibcIsExitTwo() throws Exception {
    String plan = "{\"components\":{\"a\":{\"target\":\"userspace\"}},\"steps\":[],\"artifacts\":[],"
        + "\"libcRefusals\":[{\"component\":\"%s\",\"libc\":\"%s\",\"reason\":\"r\"}]}";
    ObjectMapper json = new ObjectMapper();
    assertThat(CompilePlans.parse(json.readTree(plan.formatted("a", "musl")), "p.json").refusals())
        .containsExactly(new CompilePlan.Refusal("a", Libc.MUSL, "r"));
    assertThatThrownBy(() -> CompilePlans.parse(json.readTree(plan.formatted("b", "musl")), "p.json"))
        .isInstanceOf(AskBuildException.class).hasMessageContaining("libcRefusals[].component");
    assertThatThrownBy(() -> CompilePlans.parse(json.readTree(plan.formatted("a", "newlib")), "p.json"))
        .isInstanceOf(AskBuildException.class)
        .hasMessage("compile plan p.json: field 'libcRefusals[].libc' must be glibc or musl, got 'newlib'");
  }
}
