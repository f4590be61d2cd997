package dev.askbuild.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.TrustedFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void aVersionReadOnceIsRememberedByTheTarballsProvenHash(@TempDir Path cache) throws Exception {
    Path tarball = Path.of("/usr/src/linux-source-6.12.tar.xz");
    TrustedFile proven = TrustedFile.hash(tarball.getFileName().toString(), tarball);
    KernelVersion read = KernelVersion.of(proven, cache);
    assertThat(read).isEqualTo(KernelVersion.of(proven));
    Path memo = cache.resolve("kernel-survey/version-" + proven.sha256() + ".txt");
    assertThat(memo).hasContent(read.toString());
    // The next run takes it from there (the tarball is not read), and a memo that is not a
    // version is ignored and written again from the tarball.
    java.nio.file.Files.writeString(memo, "6.12.999\n");
    assertThat(KernelVersion.of(proven, cache).sublevel()).isEqualTo(999);
    java.nio.file.Files.writeString(memo, "garbage\n");
    assertThat(KernelVersion.of(proven, cache)).isEqualTo(read);
    assertThat(memo).hasContent(read.toString());
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
