package dev.askbuild.jenkins.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineArgsTest {
  @Test
  void verifyMapsEveryParameterToItsOptionWithPathsInTheWorkspace() {
    StepConfig config = StepConfig.of(StepKind.VERIFY, Map.of("board", "mono-gateway", "packages", "pkgs",
        "strict", true, "requirePinned", false, "epoch", 99,
        "signatureCredentialsId", "sig", "keyringCredentialsId", "keys"));
    List<String> args = EngineArgs.of(config, "/ws", Map.of("sig", "/ws@tmp/secretFiles/u/1", "keys", "/ws@tmp/secretFiles/u/2"));
    assertThat(args).containsExactly("verify", "--board", "mono-gateway", "--out", "/ws/askbuild-out",
        "--packages", "/ws/pkgs", "--epoch", "99", "--strict",
        "--signature", "/ws@tmp/secretFiles/u/1", "--keyring", "/ws@tmp/secretFiles/u/2", "--json");
  }

  @Test
  void eachStageGetsItsCommandAndOwnOptions() {
    assertThat(EngineArgs.of(StepConfig.of(StepKind.KERNEL, Map.of("board", "demo", "jobs", 3)), "/ws", Map.of()))
        .containsExactly("kernel", "--board", "demo", "--out", "/ws/askbuild-out", "--jobs", "3", "--json");
    assertThat(EngineArgs.of(StepConfig.of(StepKind.COMPILE, Map.of("board", "demo", "target", "modules", "out", "o")), "/ws/", Map.of()))
        .containsExactly("compile", "--board", "demo", "--out", "/ws/o", "--target", "modules", "--json");
    assertThat(EngineArgs.of(StepConfig.of(StepKind.CHECK, Map.of("board", "demo")), "/ws", Map.of()))
        .containsExactly("check", "--board", "demo", "--out", "/ws/askbuild-out", "--json");
    assertThat(EngineArgs.of(StepConfig.of(StepKind.SYSROOT, Map.of("board", "demo", "cache", "/var/cache/ask")), "/ws", Map.of()))
        .containsExactly("sysroot", "--board", "demo", "--out", "/ws/askbuild-out", "--cache", "/var/cache/ask", "--json");
    assertThat(EngineArgs.of(StepConfig.of(StepKind.BUILD, Map.of("board", "demo", "stages", "verify,check")), "/ws", Map.of()))
        .containsExactly("build", "--board", "demo", "--out", "/ws/askbuild-out", "--stages", "verify,check", "--json");
  }

  @Test
  void everyStepPassesTheRunsTargetAndComponentsToItsStage() {
    for (StepKind kind : StepKind.values()) {
      String target = kind == StepKind.KERNEL ? "modules" : "userspace";
      List<String> args = EngineArgs.of(StepConfig.of(kind, Map.of("board", "demo", "target", target, "components", "libgreet,hello")),
          "/ws", Map.of());
      assertThat(args).as(kind.name()).startsWith(kind.command())
          .containsSubsequence("--target", target, "--components", "libgreet,hello", "--json");
      // One argument each: the list goes as the engine's picocli splits it, never through a shell.
      assertThat(args.get(args.indexOf("--components") + 1)).isEqualTo("libgreet,hello");
    }
    assertThat(EngineArgs.of(StepConfig.of(StepKind.CHECK, Map.of("board", "demo", "target", "modules", "components", "alpha")), "/ws", Map.of()))
        .containsExactly("check", "--board", "demo", "--out", "/ws/askbuild-out", "--target", "modules", "--components", "alpha", "--json");
  }

  @Test
  void privateTarballsPassAsNameEqualsPath() {
    StepConfig config = StepConfig.of(StepKind.COMPILE, Map.of("board", "demo", "privateTarballs",
        List.of(Map.of("credentialsId", "ask", "name", "ASK-mt-6.12.49-2.2.0.tar.gz"))));
    assertThat(EngineArgs.of(config, "/ws", Map.of("ask", "/t/secretFiles/d/f")))
        .containsSubsequence("--private", "ASK-mt-6.12.49-2.2.0.tar.gz=/t/secretFiles/d/f", "--json");
  }

  @Test
  void aValueWithShellSyntaxStaysOneArgument() {
    String hostile = "pk gs;$(touch /tmp/x)'\"`id`";
    List<String> args = EngineArgs.of(StepConfig.of(StepKind.SYSROOT, Map.of("board", "demo", "packages", hostile)), "/ws", Map.of());
    assertThat(args).contains("/ws/" + hostile).hasSize(8);
  }

  @Test
  void aCredentialWithoutItsSecretFileIsABug() {
    StepConfig config = StepConfig.of(StepKind.VERIFY, Map.of("board", "demo", "signatureCredentialsId", "s", "keyringCredentialsId", "k"));
    assertThatThrownBy(() -> EngineArgs.of(config, "/ws", Map.of("s", "/p"))).hasMessageContaining("credential 'k'");
  }
}
