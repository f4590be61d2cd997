package dev.askbuild.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan (the kernel survey's, at verify) holds every entry to extraction's rules that need no disk. */
class ScanRulesTest {
  @TempDir Path tmp;

  private void scan(Path archive) throws Exception {
    new ArchiveScanner().scan(archive, 1, (path, file, size, content) -> true);
  }

  @Test
  void aScanRefusesAnEntryThatClimbsOutNamingEntryAndArchive() throws Exception {
    Path tar = new HostileArchives().file("linux/Makefile", "x").file("linux/../../etc/evil", "x")
        .writeTo(tmp.resolve("linux.tar"));
    assertThatThrownBy(() -> scan(tar)).isInstanceOf(AskBuildException.class)
        .hasMessageContaining(tar.toString()).hasMessageContaining("'linux/../../etc/evil'")
        .hasMessageContaining("climbs out");
  }

  @Test
  void aScanRefusesAbsoluteNamesLinksOutAndDevices() throws Exception {
    Path abs = new HostileArchives().file("/etc/passwd", "x").writeTo(tmp.resolve("abs.tar"));
    assertThatThrownBy(() -> scan(abs)).hasMessageContaining("'/etc/passwd' has an absolute path");
    Path link = new HostileArchives().dir("linux").symlink("linux/up", "../../etc").writeTo(tmp.resolve("l.tar"));
    assertThatThrownBy(() -> scan(link)).hasMessageContaining("'linux/up' is a symbolic link to '../../etc'");
    Path dev = new HostileArchives().special("linux/null", TarConstants.LF_CHR).writeTo(tmp.resolve("d.tar"));
    assertThatThrownBy(() -> scan(dev)).hasMessageContaining("'linux/null' is a device node");
  }

  @Test
  void anHonestArchiveWithLinksInsideScansWhole() throws Exception {
    Path tar = new HostileArchives().dir("linux").file("linux/a/b", "x").symlink("linux/a/c", "../a/b")
        .hardlink("linux/d", "linux/a/b").writeTo(tmp.resolve("ok.tar"));
    List<String> seen = new ArrayList<>();
    new ArchiveScanner().scan(tar, 1, (path, file, size, content) -> seen.add(path));
    assertThat(seen).containsExactly("a/b", "a/c", "d");
  }
}
