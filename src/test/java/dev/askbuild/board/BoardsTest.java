package dev.askbuild.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import org.junit.jupiter.api.Test;

class BoardsTest {
  @Test
  void monoGatewayProfileCarriesTheAskFacts() {
    BoardProfile b = Boards.load("mono-gateway");

    assertThat(b.nxpTag()).contains("lf-6.12.49-2.2.0");
    assertThat(b.toolchain()).isEqualTo(
        new BoardProfile.Toolchain("arm64", "aarch64-linux-gnu-", "aarch64-linux-gnu", "/lib/ld-linux-aarch64.so.1"));
    assertThat(b.platform()).contains("LS1043A");
    assertThat(b.fmcMachine()).contains("ls1046");
    assertThat(b.deviceTree()).contains("mono-gateway-dk-sdk");
    assertThat(b.kernel().baseConfig()).isEqualTo("ask:config/kernel/defconfig");
    // Only the 6.12 patch: ASK keeps a legacy 5.4 patch beside it.
    assertThat(b.kernel().patches()).contains("ask:patches/kernel/002-mono-gateway-ask-kernel_linux_6_12.patch");
    assertThat(b.vendored()).extracting(BoardProfile.VendoredLibrary::name)
        .containsExactly("fmlib", "fmc", "libnfnetlink", "libnetfilter_conntrack");
    assertThat(Boards.fragmentText(b)).contains("CONFIG_NETFILTER_XTABLES_LEGACY=y", "CONFIG_MODVERSIONS=y");
  }

  @Test
  void everyListedProfileParses() {
    assertThat(Boards.all()).extracting(BoardProfile::name).containsExactly("mono-gateway", "demo");
  }

  @Test
  void unknownBoardListsTheKnownOnes() {
    assertThatThrownBy(() -> Boards.load("nope"))
        .hasMessage("unknown board 'nope'; known boards: mono-gateway, demo")
        .extracting(e -> ((AskBuildException) e).exitCode())
        .isEqualTo(ExitCode.BAD_INPUT);
  }

  @Test
  void missingFieldNamesFileAndField() {
    String json = "{\"name\":\"x\",\"description\":\"d\",\"toolchain\":{\"arch\":\"arm64\",\"crossCompile\":\"c-\","
        + "\"triple\":\"t\",\"interpreter\":\"i\"},\"kernel\":{\"baseConfig\":\"defconfig\"},\"tarballs\":{}}";

    assertThatThrownBy(() -> Boards.parse("x.json", json))
        .hasMessage("board profile x.json: missing field 'kernel.fragment'");
  }

  @Test
  void wrongTypedFieldNamesFileAndField() {
    String json = "{\"name\":\"x\",\"description\":\"d\",\"toolchain\":{\"arch\":64,\"crossCompile\":\"c-\","
        + "\"triple\":\"t\",\"interpreter\":\"i\"},\"kernel\":{\"baseConfig\":\"defconfig\",\"fragment\":\"f\"},\"tarballs\":{}}";

    assertThatThrownBy(() -> Boards.parse("x.json", json))
        .hasMessageStartingWith("board profile x.json: field 'toolchain.arch' must be a non-empty string");
  }
}
