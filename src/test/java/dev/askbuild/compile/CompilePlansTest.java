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
    assertThat(plan.steps().get(6).env().get("CFLAGS")).endsWith("-Wno-address-of-packed-member");
    assertThat(plan.seeds()).extracting(CompilePlan.Seed::vendored).containsExactly("fmlib", "fmc");
    assertThat(plan.artifacts()).extracting(CompilePlan.Artifact::name)
        .containsExactly("cdx.ko", "fci.ko", "auto_bridge.ko", "fmc", "cmm", "dpa_app");
  }

  @Test
  void everyComponentsFlagsAreMetaMonosAndTheSharedOnesAreWrittenOnce() throws Exception {
    CompilePlan plan = CompilePlans.forBoard(dev.askbuild.board.Boards.load("mono-gateway"));
    java.util.Map<String, CompilePlan.Step> steps = new java.util.HashMap<>();
    plan.steps().forEach(st -> steps.put(st.component(), st));

    // What meta-mono's cdx_5.03.1.bb and dpa-app_4.03.0.bb have in common, and nothing else.
    assertThat(plan.defines()).containsExactly("SEC_PROFILE_SUPPORT", "VLAN_FILTER");
    assertThat(defines(plan, steps.get("cdx").variables().get("CFG_FLAGS")))
        .containsExactlyInAnyOrder("SEC_PROFILE_SUPPORT", "VLAN_FILTER", "WIFI_ENABLE", "ENABLE_EGRESS_QOS");
    assertThat(defines(plan, steps.get("dpa_app").variables().get("CFLAGS"))).containsExactlyInAnyOrder(
        "ENDIAN_LITTLE", "LS1043", "NCSW_LINUX", "DPAA_DEBUG_ENABLE", "SEC_PROFILE_SUPPORT", "VLAN_FILTER");
    // cmm_17.03.1.bb: fpp.h declares the QoS policer commands only under ENABLE_INGRESS_QOS.
    assertThat(defines(plan, steps.get("cmm").env().get("CFLAGS"))).containsExactlyInAnyOrder("LS1043", "FLOW_STATS",
        "WIFI_ENABLE", "SEC_PROFILE_SUPPORT", "USE_QOSCONNMARK", "ENABLE_INGRESS_QOS", "IPSEC_NO_FLOW_CACHE",
        "VLAN_FILTER", "AUTO_BRIDGE");
    assertThat(steps.get("auto_bridge").variables()).containsEntry("ENABLE_VLAN_FILTER", "y")
        .containsEntry("PLATFORM", "${PLATFORM}");
    assertThat(steps.get("fmc").variables()).containsEntry("MACHINE", "ls1046");
    // The shared switches are spelt once: no step writes one of them out itself.
    for (CompilePlan.Step step : plan.steps()) {
      for (String value : concat(step.variables().values(), step.env().values())) {
        for (String define : plan.defines()) {
          assertThat(value).as(step.component()).doesNotContain("-D" + define);
        }
      }
    }
  }

  @Test
  void everyFlagValueOfTheMonoGatewayPlanSaysWhereItComesFrom() throws Exception {
    com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        dev.askbuild.board.Boards.file(dev.askbuild.board.Boards.load("mono-gateway"), "compile.json").text());
    assertThat(root.has("definesComment")).isTrue();
    for (com.fasterxml.jackson.databind.JsonNode step : root.get("steps")) {
      for (String kind : java.util.List.of("variables", "env")) {
        com.fasterxml.jackson.databind.JsonNode vars = step.get(kind);
        if (vars == null) {
          continue;
        }
        vars.fieldNames().forEachRemaining(name -> {
          String value = vars.get(name).asText();
          if (!name.endsWith("Comment") && value.contains("-D") ) {
            assertThat(vars.has(name + "Comment")).as(step.get("component") + " " + name).isTrue();
            assertThat(vars.get(name + "Comment").asText()).as(step.get("component") + " " + name).contains("meta-mono");
          }
        });
      }
    }
  }

  @Test
  void unmetRequirementsSayWhereEachPieceComesFromAndWhichModuleSymversEachModuleNeeds() throws Exception {
    CompilePlan plan = CompilePlans.forBoard(dev.askbuild.board.Boards.load("mono-gateway"));

    assertThat(plan.symversOrder(java.util.Set.of("cdx", "fci", "auto_bridge")))
        .isEqualTo("cdx needs the kernel's Module.symvers; fci needs the kernel's and cdx's Module.symvers");
    assertThat(plan.symversOrder(java.util.Set.of("cmm", "libfci"))).isEmpty();
    java.util.List<String> described = plan.requirementsOf(java.util.Set.of("cdx", "fmlib")).stream()
        .map(CompilePlan.Requirement::describe).toList();
    assertThat(described).contains(
        "component cdx needs kernel file drivers/net/ethernet/freescale/sdk_dpaa; it comes from NXP's SDK drivers in"
            + " linux-imx lf-6.12.49-2.2.0, not in kernel.org Linux",
        "component cdx needs kernel file include/linux/fsl_oh_port.h; it comes from ASK's kernel patch"
            + " 002-mono-gateway-ask-kernel_linux_6_12.patch, which adds it");
    assertThat(described).anyMatch(d -> d.startsWith("component cdx needs kernel config CONFIG_CPE_FAST_PATH; it comes"
        + " from ASK's defconfig"));
    assertThat(plan.requirements()).allMatch(r -> !r.from().isEmpty());
  }

  /** The macros a flag string defines, ${DEFINES} expanded. */
  private static java.util.List<String> defines(CompilePlan plan, String flags) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String word : flags.replace("${DEFINES}", String.join(" ", plan.defines().stream().map(d -> "-D" + d).toList()))
        .split("\\s+")) {
      if (word.startsWith("-D")) {
        out.add(word.substring(2));
      }
    }
    return out;
  }

  private static java.util.List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
    java.util.List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void componentsAreSelectedWithWhatTheyAreBuiltAgainstAndRefusedOutsideTheTarget() throws Exception {
    CompilePlan plan = CompilePlans.forBoard(dev.askbuild.board.Boards.load("mono-gateway"));

    assertThat(plan.select(Target.USERSPACE, java.util.Set.of("cmm"))).containsExactly("cmm", "libfci");
    assertThat(plan.select(Target.DIST, java.util.Set.of("fci"))).containsExactly("cdx", "fci");
    assertThat(plan.select(Target.MODULES, java.util.Set.of())).containsExactly("auto_bridge", "cdx", "fci");
    assertThatThrownBy(() -> plan.select(Target.USERSPACE, java.util.Set.of("cdx")))
        .hasMessage("--components: cdx is a modules component, which the userspace target does not build");
    // fmlib compiles against the NXP kernel's fmd headers: not a userspace-target component here.
    assertThatThrownBy(() -> plan.select(Target.USERSPACE, java.util.Set.of("dpa_app")))
        .hasMessage("--target userspace builds without a kernel tree, but fmlib needs kernel file"
            + " include/uapi/linux/fmd, and dpa_app, fmc are built against it: build them with --target dist"
            + " --components dpa_app,fmc,fmlib (the userspace components that need no kernel: cmm, libfci)");
    assertThatThrownBy(() -> plan.select(Target.USERSPACE, java.util.Set.of()))
        .hasMessageStartingWith("--target userspace builds without a kernel tree, but fmlib needs kernel file");
    assertThat(plan.select(Target.DIST, java.util.Set.of("dpa_app"))).containsExactly("dpa_app", "fmc", "fmlib");
    assertThatThrownBy(() -> plan.select(Target.USERSPACE, java.util.Set.of("libfci")))
        .hasMessage("--components libfci: nothing to deliver; libfci is built only for other components and put"
            + " no artifact in dist; name one of those with an artifact: cmm");
    assertThatThrownBy(() -> plan.select(Target.DIST, java.util.Set.of("cmmm")))
        .hasMessageContaining("unknown component 'cmmm'").hasMessageContaining("cmm, dpa_app");
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

  @Test
  void theVendoredLibrariesAComponentNamesAreTheBoardsAndEachIsNeededBySomeComponent() throws Exception {
    dev.askbuild.board.BoardProfile mono = dev.askbuild.board.Boards.load("mono-gateway");
    CompilePlan plan = CompilePlans.forBoard(mono);
    assertThat(plan.vendoredFor(java.util.Set.of("libfci"))).isEmpty();
    assertThat(plan.vendoredFor(plan.select(Target.USERSPACE, java.util.Set.of("cmm"))))
        .containsExactly("libnetfilter_conntrack");
    assertThat(plan.vendoredFor(plan.select(Target.DIST, java.util.Set.of("dpa_app")))).containsExactly("fmc", "fmlib");
    assertThat(plan.vendoredFor(plan.select(Target.MODULES, java.util.Set.of()))).isEmpty();

    CompilePlan typo = new CompilePlan(java.util.Map.of("cmm", new CompilePlan.Component("userspace", java.util.List.of(),
        java.util.List.of("libnetfilter-conntrack"))), java.util.List.of(), java.util.List.of(), java.util.Optional.empty(),
        java.util.List.of(), java.util.List.of(), java.util.List.of());
    assertThatThrownBy(() -> CompilePlans.requireBoardLibraries(typo, mono, "p.json"))
        .hasMessageStartingWith("p.json: field 'components.cmm.vendored' names 'libnetfilter-conntrack', which is not"
            + " a vendored library of board mono-gateway (its libraries: fmlib, fmc, libnfnetlink, libnetfilter_conntrack)");

    CompilePlan orphan = new CompilePlan(java.util.Map.of("cmm", new CompilePlan.Component("userspace", java.util.List.of(),
        java.util.List.of("libnetfilter_conntrack"))), java.util.List.of(), java.util.List.of(), java.util.Optional.empty(),
        java.util.List.of(), java.util.List.of(), java.util.List.of());
    assertThatThrownBy(() -> CompilePlans.requireBoardLibraries(orphan, mono, "p.json"))
        .hasMessage("p.json: board mono-gateway's vendored library fmlib is needed by no component (list it in a"
            + " component's 'vendored' field, or another library's 'needs')");
  }

  @Test
  void aMisspeltPlanFieldIsRefusedNamingIt(@TempDir Path dir) throws Exception {
    Path plan = Files.writeString(dir.resolve("p.json"), "{\"components\": {\"x\": {\"target\": \"userspace\","
        + " \"vendor\": [\"l\"]}}, \"steps\": [], \"artifacts\": []}");
    assertThatThrownBy(() -> CompilePlans.read(plan))
        .hasMessageStartingWith(plan + ": unknown field 'components.x.vendor' (known here: target, needs, vendored");
    Path step = Files.writeString(dir.resolve("q.json"), "{\"components\": {\"x\": {\"target\": \"userspace\"}},"
        + " \"steps\": [{\"component\": \"x\", \"phase\": \"userspace\", \"dir\": \".\", \"variable\": {}}],"
        + " \"artifacts\": []}");
    assertThatThrownBy(() -> CompilePlans.read(step)).hasMessageStartingWith(step + ": unknown field 'steps[].variable'");
  }
}
