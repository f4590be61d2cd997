package dev.askbuild.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BuildKit's plain progress, as docker 20.10 prints it, read into stage results. */
class BuildLogTest {
  static List<String> fixture(String name) throws IOException {
    try (InputStream in = BuildLogTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void aFailedStageCarriesTheEnginesExitCodeAndMessageAndLaterStagesDidNotRun() throws IOException {
    BuildLog log = BuildLog.parse(fixture("tampered-build.txt"));

    DockerStageRun verify = log.firstFailure().orElseThrow();
    assertThat(verify.stage()).isEqualTo("verify");
    assertThat(verify.exitCode()).contains(1);
    assertThat(verify.error()).hasValueSatisfying(e -> assertThat(e).contains("sha256 mismatch: libdemo-1.0.tar.gz"));
    assertThat(log.stages()).extracting(DockerStageRun::state)
        .containsExactly("failed", "not run", "not run", "not run", "not run");
    assertThat(log.machines()).containsEntry("verify", "x86_64");
    assertThat(log.contextSize()).contains("151.96MB");
  }

  @Test
  void cachedStagesAreToldFromStagesThatRanWithTheirTimes() throws IOException {
    BuildLog log = BuildLog.parse(fixture("warm-build.txt"));

    assertThat(log.firstFailure()).isEmpty();
    assertThat(log.stages()).extracting(DockerStageRun::state)
        .containsExactly("cached", "cached", "cached", "ok", "ok");
    assertThat(log.stages().get(3).seconds()).isEqualTo(9.6);
    assertThat(log.stages().get(1).line()).isEqualTo("[sysroot] ok (cache hit: docker layer) in 0.0 s");
    assertThat(log.stages().get(3).line()).isEqualTo("[compile] ok (cache miss) in 9.6 s");
    assertThat(log.machines()).containsOnlyKeys("compile", "check");
    // The last of BuildKit's progress lines for the context is its size.
    assertThat(log.contextSize()).contains("151.96MB");
  }

  @Test
  void theRuntimeImageBuiltAfterTheArtifactsDoesNotHideThatTheStagesRan() throws IOException {
    // One log, two builds: the artifacts (compile ran), then the runtime image (everything cached).
    List<String> both = new ArrayList<>(fixture("warm-build.txt"));
    fixture("warm-build.txt").forEach(l -> both.add(l.matches("#1[12] [^\\[].*") ? l.substring(0, 4) + "CACHED"
        : l.replace("151.96MB 1.8s done", "1.01kB 0.0s done")));

    BuildLog log = BuildLog.parse(both);

    assertThat(log.stages()).extracting(DockerStageRun::state).containsExactly("cached", "cached", "cached", "ok", "ok");
    assertThat(log.stages().get(3).seconds()).isEqualTo(9.6);
    assertThat(log.contextSize()).contains("151.96MB");
  }

  @Test
  void aLogWithoutStagesIsAllNotRun() {
    BuildLog log = BuildLog.parse(List.of("ERROR: failed to solve: local/debian:nope: not found"));

    assertThat(log.stages()).allMatch(s -> s.state().equals("not run"));
    assertThat(log.firstFailure()).isEmpty();
  }
}
