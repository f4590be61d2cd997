package dev.askbuild.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.TrustedFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KernelVersionTest {
  @Test
  void debiansLinuxSourceIsA612TreeAndNotNxps6_12_49() throws Exception {
    Path tarball = Path.of("/usr/src/linux-source-6.12.tar.xz");
    KernelVersion version = KernelVersion.of(TrustedFile.hash(tarball.getFileName().toString(), tarball));

    assertThat(version.version()).isEqualTo(6);
    assertThat(version.patchlevel()).isEqualTo(12);
    version.require("6.12", "linux-source-6.12.tar.xz", "demo");
    // Debian's point release (6.12.57 and later in bookworm's backports line) is not NXP's lf-6.12.49 base.
    assertThat(version.sublevel()).isGreaterThan(49);
    assertThatThrownBy(() -> version.require("6.12.49", "linux-source-6.12.tar.xz", "mono-gateway"))
        .hasMessageContaining("is Linux 6.12." + version.sublevel() + ", but board mono-gateway is built on Linux 6.12.49");
  }

  @Test
  void theMakefilesFirstAssignmentsCountAndAMakefileWithoutThemIsRefused() {
    KernelVersion v = KernelVersion.parse("x", "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 49\nEXTRAVERSION =\n"
        + "NAME = Baby Opossum Posse\n# later: VERSION = 7\n");
    assertThat(v).isEqualTo(new KernelVersion(6, 12, 49));
    assertThatThrownBy(() -> KernelVersion.parse("busybox.tar.gz", "all:\n\ttrue\n"))
        .hasMessageContaining("busybox.tar.gz").hasMessageContaining("no VERSION and PATCHLEVEL");
  }
}
