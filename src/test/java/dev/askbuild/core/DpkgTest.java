package dev.askbuild.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DpkgTest {
  private final Dpkg dpkg = new Dpkg(ProcessRunner.inheritingEnvironment());

  @Test
  void aMultiarchPackageInstalledForTwoArchitecturesIsInstalled() throws Exception {
    // .ci/run's arm64 -dev packages pull in libc6:arm64 beside the host's libc6:amd64, so a bare
    // "libc6" answers with one status line per architecture.
    assertThat(dpkg.installed("libc6:arm64")).as("installed by .ci/run").isTrue();
    assertThat(dpkg.field("libc6", "${db:Status-Status}\n").orElseThrow().lines()).hasSizeGreaterThan(1);

    assertThat(dpkg.installed("libc6")).isTrue();
    assertThat(dpkg.installed("askbuild-no-such-package")).isFalse();
  }

  @Test
  void versionAndFilesOfAnInstalledPackageOrExitThreeNamingTheMissingOne() throws Exception {
    assertThat(dpkg.version("dpkg")).isNotBlank();
    assertThat(dpkg.files("dpkg")).contains("/usr/bin/dpkg");
    assertThatThrownBy(() -> dpkg.files("askbuild-no-such-package"))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("apt-get install askbuild-no-such-package")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
  }
}
