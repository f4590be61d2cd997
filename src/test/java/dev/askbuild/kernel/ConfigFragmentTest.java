package dev.askbuild.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.DotConfig;
import dev.askbuild.core.ExitCode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigFragmentTest {
  @Test
  void parsesSettingsUnsetLinesAndSkipsComments() {
    ConfigFragment f =
        ConfigFragment.parse("f", "# comment\n\nCONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=\"x y\"\nCONFIG_D=0x10\n");

    assertThat(f.entries()).extracting(FragmentEntry::expectedLine)
        .containsExactly("CONFIG_A=y", "# CONFIG_B is not set", "CONFIG_C=\"x y\"", "CONFIG_D=0x10");
  }

  @Test
  void malformedLineIsBadInputWithItsLineNumber() {
    assertThatThrownBy(() -> ConfigFragment.parse("frag.config", "CONFIG_A=y\nCONFIG_B = y\n"))
        .isInstanceOf(AskBuildException.class)
        .hasMessageStartingWith("frag.config:2: malformed config line 'CONFIG_B = y'")
        .extracting(e -> ((AskBuildException) e).exitCode())
        .isEqualTo(ExitCode.BAD_INPUT);
  }

  @Test
  void symbolSetTwiceIsRejected() {
    assertThatThrownBy(() -> ConfigFragment.parse("f", "CONFIG_A=y\nCONFIG_A=m\n"))
        .hasMessage("f:2: CONFIG_A is already set on line 1");
  }

  @Test
  void filterDropsUndeclaredSymbolsByName() {
    ConfigFragment f = ConfigFragment.parse("f", "CONFIG_A=y\nCONFIG_GONE=y\n# CONFIG_B is not set\n");

    FragmentFilter r = FragmentFilter.filter(f, Set.of("CONFIG_A", "CONFIG_B"));

    assertThat(r.dropped()).containsExactly("CONFIG_GONE");
    assertThat(r.kept()).extracting(FragmentEntry::symbol).containsExactly("CONFIG_A", "CONFIG_B");
  }

  @Test
  void verifierListsEveryMismatchAtOnceInTheGreppableFormat() {
    ConfigFragment f = ConfigFragment.parse("f", "CONFIG_A=y\nCONFIG_B=y\nCONFIG_C=y\n# CONFIG_D is not set\n");

    List<KconfigMismatch> m =
        ConfigVerifier.mismatches(f.entries(), DotConfig.parse("CONFIG_A=y\nCONFIG_C=m\n"));

    assertThat(m).extracting(KconfigMismatch::describe).containsExactly(
        "kconfig mismatch: CONFIG_B\nexpected: CONFIG_B=y\nactual: <missing>",
        "kconfig mismatch: CONFIG_C\nexpected: CONFIG_C=y\nactual: CONFIG_C=m");
    assertThatThrownBy(() -> ConfigVerifier.requireHonoured(f.entries(), DotConfig.parse("CONFIG_A=y\nCONFIG_C=m\n")))
        .extracting(e -> ((AskBuildException) e).exitCode())
        .isEqualTo(ExitCode.CHECK_FAILED);
  }

  @Test
  void baseConfigTellsTargetsFromFiles() {
    assertThat(BaseConfig.parse("defconfig").target()).contains("defconfig");
    assertThat(BaseConfig.parse("tinyconfig").target()).contains("tinyconfig");
    assertThat(BaseConfig.parse("virt_defconfig").target()).contains("virt_defconfig");
    assertThatThrownBy(() -> BaseConfig.parse("/nonexistent/config"))
        .hasMessageContaining("/nonexistent/config");
  }
}
