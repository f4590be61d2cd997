package dev.askbuild.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.ProcessRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeExtractorTest {
  @TempDir Path tmp;
  Path work;
  Path outside;
  Path target;

  @BeforeEach
  void layout() throws IOException {
    work = Files.createDirectories(tmp.resolve("work"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("precious"), "keep me");
    target = work.resolve("out");
  }

  private ExtractResult extract(Path archive) throws IOException {
    return new SafeExtractor().extract(ExtractRequest.of(archive, target));
  }

  /** Asserts a rejection with exit 2 naming {@code entry}, and that nothing was left anywhere. */
  private void assertRejected(ExtractRequest request, String entry) throws IOException {
    List<String> before = Trees.listing(tmp);
    assertThatThrownBy(() -> new SafeExtractor().extract(request))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining(entry)
        .satisfies(e -> assertThat(((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    assertThat(target).doesNotExist();
    assertThat(Trees.listing(tmp)).isEqualTo(before);
    assertThat(Files.readString(outside.resolve("precious"))).isEqualTo("keep me");
  }

  private void assertRejected(Path archive, String entry) throws IOException {
    assertRejected(ExtractRequest.of(archive, target), entry);
  }

  private Path sourceTree() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src/pkg-1.0/sub"));
    Files.writeString(src.resolve("a.c"), "int a;\n");
    Path tool = Files.writeString(src.getParent().resolve("tool.sh"), "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(src.getParent().resolve("link"), Path.of("sub/a.c"));
    Files.createDirectories(src.getParent().resolve(".git/objects"));
    Files.writeString(src.getParent().resolve(".git/HEAD"), "ref: refs/heads/main\n");
    return tmp.resolve("src");
  }

  private Path systemTar(String flag, String name) throws Exception {
    Path src = sourceTree();
    Path archive = tmp.resolve(name);
    Process p =
        new ProcessBuilder("tar", "-c", flag, "-f", archive.toString(), "-C", src.toString(), "pkg-1.0")
            .inheritIO()
            .start();
    assertThat(p.waitFor()).isZero();
    return archive;
  }

  @ParameterizedTest
  @ValueSource(strings = {"--no-auto-compress", "--gzip", "--xz", "--bzip2", "--zstd"})
  void extractsArchivesMadeBySystemTarByContentNotName(String flag) throws Exception {
    // The name says nothing: format comes from magic bytes.
    Path archive = systemTar(flag, "archive.bin");

    ExtractResult result =
        new SafeExtractor()
            .extract(ExtractRequest.of(archive, target).withStripComponents(1).withDropVcs(true));

    assertThat(Files.readString(target.resolve("sub/a.c"))).isEqualTo("int a;\n");
    assertThat(Files.isExecutable(target.resolve("tool.sh"))).isTrue();
    assertThat(Files.readSymbolicLink(target.resolve("link"))).isEqualTo(Path.of("sub/a.c"));
    assertThat(target.resolve(".git")).doesNotExist();
    assertThat(result.files()).isEqualTo(2);
    assertThat(result.symlinks()).isEqualTo(1);
    assertThat(Trees.listing(work)).contains("out/sub/a.c").noneMatch(n -> n.contains(".partial-"));
  }

  @Test
  void aCutOffTarGzIsNamedAsCutOffNotAsNull() throws Exception {
    Path whole = systemTar("--gzip", "whole.tgz");
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(tmp.resolve("cut.tgz"), Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> extract(cut))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("cut.tgz")
        .hasMessageNotContaining(": null")
        .hasMessageContaining("ends early");
    assertThat(target).doesNotExist();
  }

  @Test
  void keepsGitWithoutDropVcsAndPinsEveryMtimeWithEpoch() throws Exception {
    Path archive = systemTar("--gzip", "a.tgz");

    new SafeExtractor().extract(ExtractRequest.of(archive, target).withEpoch(1_700_000_000L));

    assertThat(target.resolve("pkg-1.0/.git/HEAD")).exists();
    try (var walk = Files.walk(target)) {
      walk.forEach(
          p -> {
            try {
              assertThat(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000)
                  .as(p.toString())
                  .isEqualTo(1_700_000_000L);
            } catch (IOException e) {
              throw new AssertionError(e);
            }
          });
    }
  }

  @Test
  void dropsSetuidAndSetgidButKeepsOtherModes() throws IOException {
    Path archive =
        new HostileArchives()
            .file("suid", "x", 06755)
            .file("plain", "y", 0640)
            .writeTo(tmp.resolve("modes.tar"));

    extract(archive);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("suid"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("plain"))))
        .isEqualTo("rw-r-----");
    // Java cannot read the setuid bit, but stat can.
    assertThat(stat("%a", target.resolve("suid"))).isEqualTo("755");
  }

  private static String stat(String format, Path p) throws IOException {
    try {
      Process proc = new ProcessBuilder("stat", "-c", format, p.toString()).start();
      String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      proc.waitFor();
      return out;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void keepsSymlinksAndHardlinksInside() throws IOException {
    Path archive =
        new HostileArchives()
            .dir("d")
            .file("d/f", "data")
            .symlink("d/rel", "f")
            .symlink("up", "d/f")
            .hardlink("d/hard", "d/f")
            .writeTo(tmp.resolve("links.tar"));

    ExtractResult result = extract(archive);

    assertThat(Files.readString(target.resolve("up"))).isEqualTo("data");
    assertThat(Files.readString(target.resolve("d/hard"))).isEqualTo("data");
    assertThat(result.hardlinks()).isEqualTo(1);
  }

  @Test
  void refusesParentTraversal() throws IOException {
    assertRejected(new HostileArchives().file("ok", "1").file("../x", "evil").writeTo(tmp.resolve("a.tar")), "../x");
  }

  @Test
  void refusesTraversalThatOnlyAppearsAfterStripping() throws IOException {
    Path archive = new HostileArchives().file("top/../../x", "evil").writeTo(tmp.resolve("a.tar"));
    assertRejected(ExtractRequest.of(archive, target).withStripComponents(1), "top/../../x");
  }

  @Test
  void refusesAbsolutePaths() throws IOException {
    assertRejected(new HostileArchives().file("/etc/x", "evil").writeTo(tmp.resolve("a.tar")), "/etc/x");
  }

  @Test
  void refusesAbsoluteSymlink() throws IOException {
    Path archive =
        new HostileArchives().symlink("l", outside.toString()).file("l/precious", "x").writeTo(tmp.resolve("a.tar"));
    assertRejected(archive, "'l'");
  }

  @Test
  void refusesRelativeSymlinkLeavingTarget() throws IOException {
    Path archive =
        new HostileArchives().symlink("l", "../../outside").file("l/precious", "x").writeTo(tmp.resolve("a.tar"));
    assertRejected(archive, "../../outside");
  }

  @Test
  void refusesSymlinkThatEscapesThroughAnotherLink() throws IOException {
    // "s/.." looks inside, but s points at the root, so t is the root's parent.
    Path archive =
        new HostileArchives()
            .dir("a")
            .symlink("a/s", "..")
            .symlink("a/t", "s/..")
            .file("a/t/outside/precious", "x")
            .writeTo(tmp.resolve("a.tar"));
    assertRejected(archive, "a/t");
  }

  @Test
  void refusesLinkMadeEscapingByALaterEntry() throws IOException {
    // When a/t is written, s does not exist yet; only the complete tree shows t leaves.
    Path archive =
        new HostileArchives()
            .dir("a")
            .symlink("a/t", "s/..")
            .symlink("a/s", "..")
            .writeTo(tmp.resolve("a.tar"));
    assertRejected(archive, "a/t");
  }

  @Test
  void refusesHardlinkToFileOutside() throws IOException {
    Path archive =
        new HostileArchives().hardlink("h", outside.resolve("precious").toString()).writeTo(tmp.resolve("a.tar"));
    assertRejected(archive, "'h'");
  }

  @Test
  void refusesHardlinkToEntryNotYetExtracted() throws IOException {
    Path archive =
        new HostileArchives().hardlink("h", "later").file("later", "x").writeTo(tmp.resolve("a.tar"));
    assertRejected(archive, "'h'");
  }

  @Test
  void refusesDeviceNodes() throws IOException {
    assertRejected(
        new HostileArchives().special("dev/sda", TarConstants.LF_BLK).writeTo(tmp.resolve("a.tar")), "dev/sda");
    assertRejected(
        new HostileArchives().special("dev/tty", TarConstants.LF_CHR).writeTo(tmp.resolve("b.tar")), "dev/tty");
  }

  @Test
  void refusesFifos() throws IOException {
    assertRejected(new HostileArchives().special("pipe", TarConstants.LF_FIFO).writeTo(tmp.resolve("a.tar")), "pipe");
  }

  @Test
  void refusesTooManyEntries() throws IOException {
    HostileArchives archive = new HostileArchives();
    for (int i = 0; i < 20; i++) {
      archive.file("f" + i, "x");
    }
    Path file = archive.writeTo(tmp.resolve("many.tar"));
    ExtractLimits limits = new ExtractLimits(1L << 30, 10, 1000, 0);
    assertRejected(ExtractRequest.of(file, target).withLimits(limits), "f10");
  }

  @Test
  void refusesPastTotalSize() throws IOException {
    Path file = new HostileArchives().file("big", "x".repeat(5000)).writeTo(tmp.resolve("big.tar"));
    ExtractLimits limits = new ExtractLimits(4096, 100, 1000, 0);
    assertRejected(ExtractRequest.of(file, target).withLimits(limits), "total size limit");
  }

  @Test
  void stopsDecompressionBombEarlyWithDefaultLimits() throws IOException {
    // 4 GiB of zeros in one entry, compressed to well under 1 MiB.
    Path bomb = tmp.resolve("bomb.tar.zst");
    long size = 4L << 30;
    try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(bomb), 3)) {
      byte[] header = new HostileArchives().file("zeros", "").bytes();
      // Rewrite the header's size field by building one with the right size.
      org.apache.commons.compress.archivers.tar.TarArchiveEntry e =
          new org.apache.commons.compress.archivers.tar.TarArchiveEntry("zeros");
      e.setSize(size);
      byte[] block = new byte[512];
      e.writeEntryHeader(block);
      out.write(block);
      byte[] zeros = new byte[1 << 20];
      for (long written = 0; written < size; written += zeros.length) {
        out.write(zeros);
      }
      out.write(new byte[1024]);
      assertThat(header).isNotEmpty();
    }
    assertThat(Files.size(bomb)).isLessThan(1L << 20);

    // Early: the budget of an archive this small is the 64 MiB floor of the ratio limit, so the
    // extractor stops once it has written 64 MiB of the 4 GiB (the total size limit is 3 GiB).
    assertRejected(bomb, "'zeros' crosses the expansion ratio limit of 40.0x");
  }

  @Test
  void refusesTruncatedCompressedStream() throws Exception {
    Path archive = systemTar("--gzip", "a.tgz");
    byte[] all = Files.readAllBytes(archive);
    Path cut = Files.write(tmp.resolve("cut.tgz"), Arrays.copyOf(all, all.length / 2));
    assertRejected(cut, "cut.tgz");
  }

  @Test
  void refusesPlainTarCutAtARecordBoundary() throws IOException {
    byte[] all = new HostileArchives().file("a", "x".repeat(512)).bytes();
    // Header and data, but no end-of-archive records.
    Path cut = Files.write(tmp.resolve("cut.tar"), Arrays.copyOf(all, 1024));
    assertRejected(cut, "end-of-archive");
  }

  @Test
  void refusesCorruptXz() throws Exception {
    assertRejected(corruptXz(), "bad.txz");
  }

  /** An xz tarball with every seventh byte past its header flipped: bad.txz. */
  private Path corruptXz() throws Exception {
    byte[] all = Files.readAllBytes(systemTar("--xz", "a.txz"));
    for (int i = 64; i < all.length - 64; i += 7) {
      all[i] ^= 0x5a;
    }
    return Files.write(tmp.resolve("bad.txz"), all);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--xz", "--bzip2"})
  void hostAndBuiltInDecodersGiveTheSameTree(String flag) throws Exception {
    Path archive = systemTar(flag, "a.bin");
    Path viaHost = work.resolve("host");
    Path builtIn = work.resolve("java");

    ExtractResult host = new SafeExtractor().extract(ExtractRequest.of(archive, viaHost));
    ExtractResult java =
        new SafeExtractor(new ProcessRunner(Map.of()), false).extract(ExtractRequest.of(archive, builtIn));

    assertThat(host.decoder()).startsWith("host /").endsWith(flag.equals("--xz") ? "/xz" : "/bzip2");
    assertThat(java.decoder()).isEqualTo("built-in");
    assertThat(Trees.listing(viaHost)).isEqualTo(Trees.listing(builtIn)).isNotEmpty();
    assertThat(Files.readString(viaHost.resolve("pkg-1.0/sub/a.c"))).isEqualTo("int a;\n");
  }

  @Test
  void corruptXzThroughTheHostDecoderNamesArchiveAndDecoder() throws Exception {
    Path bad = corruptXz();
    assertThatThrownBy(() -> new SafeExtractor().extract(ExtractRequest.of(bad, target)))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("bad.txz")
        .hasMessageContaining("xz --decompress");
    assertThat(target).doesNotExist();
  }

  @Test
  void refusesNonArchive() throws IOException {
    assertRejected(Files.writeString(tmp.resolve("notes.tar.gz"), "just text"), "notes.tar.gz");
  }

  @Test
  void neverWritesIntoAnExistingDirectory() throws IOException {
    Files.createDirectories(target);
    Files.writeString(target.resolve("mine"), "mine");
    Path archive = new HostileArchives().file("mine", "theirs").writeTo(tmp.resolve("a.tar"));

    assertThatThrownBy(() -> extract(archive))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("already exists");
    assertThat(Files.readString(target.resolve("mine"))).isEqualTo("mine");
  }

  @Test
  void removesParentsItCreatedWhenTheArchiveIsRefused() throws IOException {
    Path archive = new HostileArchives().file("../x", "evil").writeTo(tmp.resolve("a.tar"));
    Path deep = work.resolve("new/deeper/out");
    List<String> before = Trees.listing(tmp);

    assertThatThrownBy(() -> new SafeExtractor().extract(ExtractRequest.of(archive, deep)))
        .isInstanceOf(AskBuildException.class);

    assertThat(Trees.listing(tmp)).isEqualTo(before);
  }

  @Test
  void debiansKernelTarballPassesTheDefaultLimits() throws IOException {
    Path kernel = Path.of("/usr/src/linux-source-6.12.tar.xz");
    assertThat(kernel).as("installed by .ci/run (linux-source-6.12)").exists();

    ExtractResult result =
        new SafeExtractor().extract(ExtractRequest.of(kernel, target).withStripComponents(1));

    assertThat(result.entries()).isGreaterThan(90_000);
    assertThat(result.bytes()).isGreaterThan(1L << 30);
    assertThat(target.resolve("Makefile")).exists();
    assertThat(target.resolve("scripts/kconfig/merge_config.sh")).isExecutable();
  }
}
