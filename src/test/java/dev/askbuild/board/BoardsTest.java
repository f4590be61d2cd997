package dev.askbuild.board;

import dev.askbuild.core.Toolchain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import org.junit.jupiter.api.Test;

class BoardsTest {
  @Test
  void monoGatewayProfileCarriesTheAskFacts() {
    BoardProfile b = Boards.load("mono-gateway");

    assertThat(b.toolchain()).isEqualTo(Toolchain.arm64());
    assertThat(b.platform()).contains("LS1043A");
    assertThat(b.generatedInputs()).isFalse();
    assertThat(b.kernel().tarball()).isEqualTo("linux-lf-6.12.49-2.2.0.tar.gz");
    assertThat(b.kernel().baseConfig()).isEqualTo("ask:config/kernel/defconfig");
    // Only the 6.12 patch: ASK keeps a legacy 5.4 patch beside it.
    assertThat(b.kernel().patches()).contains("ask:patches/kernel/002-mono-gateway-ask-kernel_linux_6_12.patch");
    assertThat(b.vendored()).extracting(BoardProfile.VendoredLibrary::name)
        .containsExactly("fmlib", "fmc", "libnfnetlink", "libnetfilter_conntrack");
    assertThat(b.vendored()).extracting(BoardProfile.VendoredLibrary::build)
        .containsExactly(BuildKind.COMPILE, BuildKind.COMPILE, BuildKind.AUTOTOOLS, BuildKind.AUTOTOOLS);
    // Pins of bytes seen: Debian's .orig of conntrack 1.1.0, and libnfnetlink 1.0.2's hash from Debian's .dsc.
    assertThat(b.pins().of("libnetfilter_conntrack-1.1.0.tar.xz"))
        .contains("67edcb4eb826c2f8dc98af08dabff68f3b3d0fe6fb7d9d0ac1ee7ecce0fe694e");
    assertThat(b.pins().of("libnfnetlink-1.0.2.tar.bz2"))
        .contains("b064c7c3d426efb4786e60a8e6859b82ee2f2c5e49ffeea640cfe4fe33cbc376");
    assertThat(b.fragmentText()).contains("CONFIG_NETFILTER_XTABLES_LEGACY=y", "CONFIG_MODVERSIONS=y");
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
        + "\"triple\":\"t\",\"interpreter\":\"i\"},\"kernel\":{\"baseConfig\":\"defconfig\"},\"ask\":{\"tarball\":\"a\"}}";

    assertThatThrownBy(() -> Boards.parse("x.json", json))
        .hasMessage("board profile x.json: missing field 'kernel.tarball'");
  }

  @Test
  void wrongTypedFieldNamesFileAndField() {
    String json = "{\"name\":\"x\",\"description\":\"d\",\"toolchain\":{\"arch\":64,\"crossCompile\":\"c-\","
        + "\"triple\":\"t\",\"interpreter\":\"i\"},\"kernel\":{\"baseConfig\":\"defconfig\",\"tarball\":\"k\"},\"ask\":{\"tarball\":\"a\"}}";

    assertThatThrownBy(() -> Boards.parse("x.json", json))
        .hasMessageStartingWith("board profile x.json: field 'toolchain.arch' must be a non-empty string");
  }

  private static final String MINIMAL_HEAD = "{\"name\":\"x\",\"description\":\"d\",\"toolchain\":{\"arch\":\"arm64\","
      + "\"crossCompile\":\"c-\",\"triple\":\"t\",\"interpreter\":\"i\"},\"kernel\":{\"baseConfig\":\"defconfig\","
      + "\"tarball\":\"k\"},\"ask\":{\"tarball\":\"a\"}";

  @Test
  void aMisspeltFieldIsRefusedNamingItRatherThanIgnored() {
    assertThatThrownBy(() -> Boards.parse("x.json", MINIMAL_HEAD + ",\"devPackage\":[\"libcli-dev:arm64\"]}"))
        .hasMessageStartingWith("board profile x.json: unknown field 'devPackage' (known here: name, description,");
    assertThatThrownBy(() -> Boards.parse("x.json", MINIMAL_HEAD.replace("\"tarball\":\"k\"", "\"tarbal\":\"k\"") + "}"))
        .hasMessageStartingWith("board profile x.json: unknown field 'kernel.tarbal'");
    assertThatThrownBy(() -> Boards.parse("x.json", MINIMAL_HEAD
        + ",\"vendored\":[{\"name\":\"l\",\"tarball\":\"l.tgz\",\"patch\":[\"p\"]}]}"))
        .hasMessageStartingWith("board profile x.json: unknown field 'vendored[0].patch'");
    // A field that says why is allowed beside any other.
    assertThat(Boards.parse("x.json", MINIMAL_HEAD + ",\"platformComment\":\"why\"}").name()).isEqualTo("x");
  }

  @Test
  void aLibraryNeedsOnlyLibrariesListedBeforeItAndSelectionAddsThemInOrder() {
    String twoLibs = MINIMAL_HEAD + ",\"vendored\":["
        + "{\"name\":\"base\",\"tarball\":\"b.tgz\"},"
        + "{\"name\":\"top\",\"tarball\":\"t.tgz\",\"needs\":[\"base\"]}]}";
    BoardProfile board = Boards.parse("x.json", twoLibs);
    assertThat(board.withNeeds(java.util.List.of("top"))).extracting(BoardProfile.VendoredLibrary::name)
        .containsExactly("base", "top");
    assertThat(board.withNeeds(java.util.List.of("base"))).extracting(BoardProfile.VendoredLibrary::name)
        .containsExactly("base");

    String reversed = MINIMAL_HEAD + ",\"vendored\":["
        + "{\"name\":\"top\",\"tarball\":\"t.tgz\",\"needs\":[\"base\"]},"
        + "{\"name\":\"base\",\"tarball\":\"b.tgz\"}]}";
    assertThatThrownBy(() -> Boards.parse("x.json", reversed))
        .hasMessage("board profile x.json: field 'vendored[0].needs' names 'base', which is not a vendored library"
            + " listed before top (listed before it: none)");
  }

  @Test
  void monoGatewaysConntrackIsBuiltAgainstItsNfnetlink() {
    assertThat(Boards.load("mono-gateway").withNeeds(java.util.List.of("libnetfilter_conntrack")))
        .extracting(BoardProfile.VendoredLibrary::name).containsExactly("libnfnetlink", "libnetfilter_conntrack");
  }
}
