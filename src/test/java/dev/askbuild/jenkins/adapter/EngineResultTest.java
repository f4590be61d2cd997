package dev.askbuild.jenkins.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineResultTest {
  static final String KERNEL_OK = """
      {"schema": 1, "command": "kernel", "board": "demo", "status": "ok", "exitCode": 0, "seconds": 12.5,
       "cache": "hit", "out": "/ws/askbuild-out", "messages": ["a", "b"],
       "result": {"tree": "/cache/kernel/abc", "release": "6.12.57", "mode": "full", "cacheHit": true,
                  "artifacts": {"a.ko": "11", "b.ko": "22"}, "size": 12345678901}}
      """;

  @Test
  void envelopeAndResultScalarsBecomeTheMap() throws Exception {
    Map<String, Serializable> map = EngineResult.of("askKernel", Json.read(KERNEL_OK), 0, "");
    assertThat(map).containsEntry("status", "ok").containsEntry("exitCode", 0).containsEntry("command", "kernel")
        .containsEntry("board", "demo").containsEntry("seconds", 12.5).containsEntry("cache", "hit")
        .containsEntry("out", "/ws/askbuild-out").containsEntry("tree", "/cache/kernel/abc")
        .containsEntry("release", "6.12.57").containsEntry("cacheHit", true).containsEntry("artifactsCount", 2)
        .containsEntry("size", 12345678901L)
        .doesNotContainKeys("messages", "result", "artifacts", "schema");
    new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(map);
  }

  @Test
  void aFailedStageFailsWithTheEnginesExitCodeAndMessage() {
    String json = """
        {"schema": 1, "command": "verify", "board": "demo", "status": "failed", "exitCode": 1,
         "error": "x.tar.gz: sha256 mismatch", "result": {"passed": false, "failures": 1}}
        """;
    assertThatThrownBy(() -> EngineResult.of("askVerify", Json.read(json), 1, ""))
        .isInstanceOf(StageFailedException.class)
        .hasMessage("askVerify failed (exit 1): x.tar.gz: sha256 mismatch")
        .satisfies(e -> {
          StageFailedException f = (StageFailedException) e;
          assertThat(f.exitCode()).isEqualTo(1);
          assertThat(f.result()).containsEntry("failures", 1).containsEntry("status", "failed");
        });
  }

  @Test
  void theProcessExitCodeWinsOverAnOkStatus() {
    assertThatThrownBy(() -> EngineResult.of("askCheck", Json.read("{\"status\": \"ok\"}"), 3, ""))
        .isInstanceOf(StageFailedException.class)
        .extracting(e -> ((StageFailedException) e).exitCode()).isEqualTo(3);
  }

  @Test
  void noJsonReportsTheEndOfStderr() {
    assertThatThrownBy(() -> EngineResult.of("askSysroot", Json.read(""), 3, "missing aarch64-linux-gnu-gcc: apt-get install gcc-aarch64-linux-gnu\n"))
        .hasMessage("askSysroot failed (exit 3): the engine printed no JSON result; last output: missing aarch64-linux-gnu-gcc: apt-get install gcc-aarch64-linux-gnu");
    assertThatThrownBy(() -> EngineResult.of("askSysroot", Json.read("not json"), 0, ""))
        .extracting(e -> ((StageFailedException) e).exitCode()).isEqualTo(2);
  }
}
