package dev.askbuild.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarNormalizerTest {
  @TempDir Path tmp;

  private Path tarOf(Path src, String name, long mtimeSeconds) throws Exception {
    try (var walk = Files.walk(src)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Files.setLastModifiedTime(p, FileTime.fromMillis(mtimeSeconds * 1000));
      }
    }
    Path archive = tmp.resolve(name);
    Process p = new ProcessBuilder("tar", "-czf", archive.toString(), "-C", src.getParent().toString(),
        src.getFileName().toString()).inheritIO().start();
    assertThat(p.waitFor()).isZero();
    return archive;
  }

  private Path source(String dir) throws Exception {
    Path root = Files.createDirectories(tmp.resolve(dir).resolve("ask"));
    Files.writeString(Files.createDirectories(root.resolve("zeta")).resolve("z.c"), "z");
    Files.writeString(Files.createDirectories(root.resolve("alpha")).resolve("a.c"), "a");
    Files.writeString(root.resolve("Makefile"), "all:\n");
    Files.writeString(Files.createDirectories(root.resolve(".git")).resolve("HEAD"), "ref\n");
    Files.createSymbolicLink(root.resolve("link"), Path.of("alpha/a.c"));
    return root;
  }

  @Test
  void sameContentGivesIdenticalBytesWhateverTheInputMtimesAndOrder() throws Exception {
    Path first = tarOf(source("one"), "one.tgz", 1_000_000_000L);
    Path second = tarOf(source("two"), "two.tgz", 1_600_000_000L);
    TarNormalizer normalizer = new TarNormalizer();

    normalizer.normalize(first, tmp.resolve("n1.tar.gz"), 1_714_521_600L);
    normalizer.normalize(second, tmp.resolve("n2.tar.gz"), 1_714_521_600L);
    normalizer.normalize(first, tmp.resolve("n3.tar.gz"), 1_714_521_600L);

    byte[] n1 = Files.readAllBytes(tmp.resolve("n1.tar.gz"));
    assertThat(Files.readAllBytes(tmp.resolve("n2.tar.gz"))).isEqualTo(n1);
    assertThat(Files.readAllBytes(tmp.resolve("n3.tar.gz"))).isEqualTo(n1);
  }

  @Test
  void entriesAreSortedOwnedByRootAtTheEpochWithoutGit() throws Exception {
    Path out = tmp.resolve("n.tar.gz");
    new TarNormalizer().normalize(tarOf(source("s"), "s.tgz", 1_000_000_000L), out, 1_714_521_600L);

    byte[] raw = Files.readAllBytes(out);
    // gzip MTIME field (bytes 4..7) is zero, and no file name flag is set.
    assertThat(raw[4] | raw[5] | raw[6] | raw[7]).isZero();
    assertThat(raw[3] & 0x08).isZero();

    List<String> names = new ArrayList<>();
    try (InputStream in = new GzipCompressorInputStream(Files.newInputStream(out));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        names.add(e.getName());
        assertThat(e.getLongUserId()).isZero();
        assertThat(e.getLongGroupId()).isZero();
        assertThat(e.getUserName()).isEmpty();
        assertThat(e.getModTime().getTime() / 1000).isEqualTo(1_714_521_600L);
      }
    }
    assertThat(names).containsExactly(
        "ask/", "ask/Makefile", "ask/alpha/", "ask/alpha/a.c", "ask/link", "ask/zeta/", "ask/zeta/z.c");
  }
}
