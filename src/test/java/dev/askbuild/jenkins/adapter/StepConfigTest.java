package dev.askbuild.jenkins.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class StepConfigTest {
  /** A value of the right type for every documented parameter. */
  static Object sample(Param p) {
    return switch (p.type()) {
      case STRING -> switch (p.name()) {
        case "board" -> "demo";
        case "target" -> "modules";
        case "components" -> "beta,hello";
        case "stages" -> "verify,check";
        case "out" -> "out/x";
        default -> "some/" + p.name();
      };
      case BOOLEAN -> true;
      case INTEGER -> 7;
      case PRIVATE_TARBALLS -> List.of(Map.of("credentialsId", "ask-tarball", "name", "ASK-x.tar.gz"));
    };
  }

  static Map<String, Object> allParams(StepKind kind) {
    Map<String, Object> args = new HashMap<>();
    kind.params().forEach(p -> args.put(p.name(), sample(p)));
    return args;
  }

  @ParameterizedTest
  @EnumSource(StepKind.class)
  void everyDocumentedParameterIsAccepted(StepKind kind) {
    StepConfig config = StepConfig.of(kind, allParams(kind));
    assertThat(config.values().keySet()).containsExactlyInAnyOrderElementsOf(kind.params().stream().map(Param::name).toList());
  }

  @ParameterizedTest
  @EnumSource(StepKind.class)
  void missingBoardIsNamed(StepKind kind) {
    Map<String, Object> args = allParams(kind);
    args.remove("board");
    assertThatThrownBy(() -> StepConfig.of(kind, args))
        .isInstanceOf(ParameterException.class)
        .hasMessage(kind.functionName() + ": parameter 'board' is required")
        .extracting(e -> ((ParameterException) e).parameter()).isEqualTo("board");
  }

  @ParameterizedTest
  @EnumSource(StepKind.class)
  void unknownParameterIsNamedWithTheKnownOnes(StepKind kind) {
    Map<String, Object> args = allParams(kind);
    args.put("bord", "demo");
    assertThatThrownBy(() -> StepConfig.of(kind, args))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith(kind.functionName() + ": parameter 'bord' is unknown; " + kind.functionName() + " takes board, out");
  }

  @ParameterizedTest
  @EnumSource(StepKind.class)
  void wrongTypeOfEveryParameterIsNamed(StepKind kind) {
    for (Param p : kind.params()) {
      Map<String, Object> args = allParams(kind);
      Object wrong = p.type() == ParamType.STRING ? (Object) 42 : "yes";
      args.put(p.name(), wrong);
      assertThatThrownBy(() -> StepConfig.of(kind, args))
          .as(p.name())
          .isInstanceOf(ParameterException.class)
          .hasMessageContaining("parameter '" + p.name() + "' must be " + p.type().description());
    }
  }

  @Test
  void unknownBoardListsTheKnownOnes() {
    assertThatThrownBy(() -> StepConfig.of(StepKind.KERNEL, Map.of("board", "mono-gatway")))
        .hasMessage("askKernel: parameter 'board' names no known board: 'mono-gatway'; known boards: " + String.join(", ", dev.askbuild.board.Boards.names()));
  }

  @Test
  void packagesAreRequiredForARealBoardButNotForCheck() {
    assertThatThrownBy(() -> StepConfig.of(StepKind.SYSROOT, Map.of("board", "mono-gateway")))
        .hasMessageStartingWith("askSysroot: parameter 'packages' is required for board mono-gateway");
    assertThat(StepConfig.of(StepKind.CHECK, Map.of("board", "mono-gateway")).out()).isEqualTo("askbuild-out");
  }

  @Test
  void valuesOutOfRangeAreNamed() {
    assertThatThrownBy(() -> StepConfig.of(StepKind.COMPILE, Map.of("board", "demo", "target", "everything")))
        .hasMessageContaining("parameter 'target' must be one of userspace, modules, dist");
    assertThatThrownBy(() -> StepConfig.of(StepKind.BUILD, Map.of("board", "demo", "stages", "verify,link")))
        .hasMessageContaining("parameter 'stages' names an unknown stage 'link'");
    assertThatThrownBy(() -> StepConfig.of(StepKind.KERNEL, Map.of("board", "demo", "jobs", 0)))
        .hasMessageContaining("parameter 'jobs' must be at least 1");
    assertThatThrownBy(() -> StepConfig.of(StepKind.SYSROOT, Map.of("board", "demo", "epoch", -1)))
        .hasMessageContaining("parameter 'epoch' must not be negative");
    assertThatThrownBy(() -> StepConfig.of(StepKind.CHECK, Map.of("board", "demo", "out", "../elsewhere")))
        .hasMessageContaining("parameter 'out' must be a path inside the workspace");
    assertThatThrownBy(() -> StepConfig.of(StepKind.VERIFY, Map.of("board", "demo", "signatureCredentialsId", "sig")))
        .hasMessageContaining("parameter 'keyringCredentialsId' is required when");
  }

  @ParameterizedTest
  @EnumSource(StepKind.class)
  void everyStepTakesTheRunsTargetAndComponents(StepKind kind) {
    // Each stage records both in OUT/state and refuses another run's state: no step may lack them.
    assertThat(kind.param("target")).get().extracting(Param::option).isEqualTo("--target");
    assertThat(kind.param("components")).get().extracting(Param::option).isEqualTo("--components");
    StepConfig config = StepConfig.of(kind, Map.of("board", "demo", "target", "dist", "components", "alpha,hello"));
    assertThat(config.string("target")).isEqualTo("dist");
    assertThat(config.string("components")).isEqualTo("alpha,hello");
  }

  @ParameterizedTest
  @EnumSource(StepKind.class)
  void componentsAreNamesSeparatedByCommasWithoutSpaces(StepKind kind) {
    for (String good : List.of("cmm", "cdx,fci", "dpa_app,libfci", " libfci,cmm ")) {
      assertThat(StepConfig.of(kind, Map.of("board", "demo", "components", good)).string("components")).isEqualTo(good.strip());
    }
    for (String bad : List.of("cdx, fci", "cdx fci", ",cdx", "cdx,", "cdx,,fci", "auto-bridge", "cmm;id", "$(id)", "../cmm", "c\ndx")) {
      assertThatThrownBy(() -> StepConfig.of(kind, Map.of("board", "demo", "components", bad)))
          .as(bad)
          .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("components"))
          .hasMessageStartingWith(kind.functionName() + ": parameter 'components' must be component names ([A-Za-z0-9_]+)"
              + " separated by commas without spaces");
    }
    assertThatThrownBy(() -> StepConfig.of(kind, Map.of("board", "demo", "components", List.of("cdx", "fci"))))
        .hasMessageStartingWith(kind.functionName() + ": parameter 'components' must be a string, got ");
  }

  @Test
  void theUserspaceTargetHasNoKernelStage() {
    assertThatThrownBy(() -> StepConfig.of(StepKind.KERNEL, Map.of("board", "demo", "target", "userspace")))
        .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("target"))
        .hasMessage("askKernel: parameter 'target' is userspace, which builds without a kernel: the kernel stage is not part of it");
    assertThat(StepConfig.of(StepKind.KERNEL, Map.of("board", "demo", "target", "modules")).string("target")).isEqualTo("modules");
    // As the engine plans a build: all stages skip the kernel, a subset naming it is refused.
    assertThat(StepConfig.of(StepKind.BUILD, Map.of("board", "demo", "target", "userspace",
        "stages", "verify,sysroot,kernel,compile,check")).string("stages")).contains("kernel");
    assertThat(StepConfig.of(StepKind.BUILD, Map.of("board", "demo", "target", "userspace", "stages", "compile,check")))
        .isNotNull();
    assertThatThrownBy(() -> StepConfig.of(StepKind.BUILD, Map.of("board", "demo", "target", "userspace", "stages", "kernel,compile")))
        .hasMessage("askBuildAll: parameter 'stages' names kernel, but the userspace target builds without a kernel");
  }

  @Test
  void privateTarballEntriesAreCheckedOneByOne() {
    assertThatThrownBy(() -> StepConfig.of(StepKind.COMPILE,
            Map.of("board", "demo", "privateTarballs", List.of(Map.of("credentialsId", "a", "name", "x.tgz"), Map.of("name", "y.tgz")))))
        .hasMessage("askCompile: parameter 'privateTarballs[1].credentialsId' is required");
    assertThatThrownBy(() -> StepConfig.of(StepKind.COMPILE,
            Map.of("board", "demo", "privateTarballs", List.of(Map.of("credentialsId", "a", "name", "../x.tgz")))))
        .hasMessageContaining("parameter 'privateTarballs[0].name' must be a plain file name");
    assertThatThrownBy(() -> StepConfig.of(StepKind.COMPILE,
            Map.of("board", "demo", "privateTarballs", List.of(Map.of("credentialsId", "a", "name", "x", "path", "/y")))))
        .hasMessageContaining("parameter 'privateTarballs[0].path' is unknown");
    assertThatThrownBy(() -> StepConfig.of(StepKind.COMPILE, Map.of("board", "demo", "privateTarballs", List.of("a"))))
        .hasMessageContaining("parameter 'privateTarballs[0]' must be a [credentialsId:, name:] map");
  }

  @Test
  void emptyFormFieldsCountAsNotGiven() {
    Map<String, Object> form = new HashMap<>();
    form.put("board", "demo");
    form.put("packages", "");
    form.put("epoch", null);
    StepConfig config = StepConfig.of(StepKind.SYSROOT, form);
    assertThat(config.values()).containsOnlyKeys("board");
  }

  @Test
  void credentialIdsAreListedOnceInOrder() {
    StepConfig config = StepConfig.of(StepKind.VERIFY, Map.of("board", "demo", "signatureCredentialsId", "sig",
        "keyringCredentialsId", "keys", "privateTarballs",
        List.of(Map.of("credentialsId", "ask", "name", "a.tgz"), Map.of("credentialsId", "sig", "name", "b.tgz"))));
    assertThat(config.credentialIds()).containsExactly("sig", "keys", "ask");
    assertThat(Credentials.parameterOf(config, "ask")).isEqualTo("privateTarballs[0].credentialsId");
  }
}
