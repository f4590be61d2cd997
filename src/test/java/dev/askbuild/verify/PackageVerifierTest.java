package dev.askbuild.verify;

import dev.askbuild.core.Progress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageVerifierTest {
  @TempDir Path packages;

  @BeforeEach
  void vendor() throws IOException {
    Files.writeString(packages.resolve("a.tar.gz"), "alpha");
    Files.writeString(packages.resolve("b.tar.xz"), "bravo");
  }

  private void sums(String text) throws IOException {
    Files.writeString(packages.resolve("SHA256SUMS"), text);
  }

  private VerifyReport verify(boolean strict) throws IOException {
    VerifyRequest base = VerifyRequest.of(packages);
    return new PackageVerifier(Progress.SILENT)
        .run(new VerifyRequest(packages, base.sums(), Optional.empty(), Optional.empty(), strict, 2, Set.of()));
  }

  @Test
  void acceptsBothGnuModesCommentsAndBlankLines() throws IOException {
    sums("# vendored 2026-11\n\n" + Sha256.ofString("alpha") + "  a.tar.gz\n"
        + Sha256.ofString("bravo").toUpperCase() + " *b.tar.xz\n");

    VerifyReport report = verify(true);

    assertThat(report.passed()).isTrue();
    assertThat(report.verdicts()).extracting(FileVerdict::status).containsExactly(Status.OK, Status.OK);
  }

  @Test
  void limitedRequestHashesOnlyTheNamedFilesAndNeedsEachListed() throws IOException {
    // b.tar.xz is corrupt and c.tar.gz unlisted: neither matters to a stage that reads only a.tar.gz.
    Files.writeString(packages.resolve("c.tar.gz"), "charlie");
    sums(Sha256.ofString("alpha") + "  a.tar.gz\n" + "0".repeat(64) + "  b.tar.xz\n");
    VerifyRequest all = VerifyRequest.of(packages);

    VerifyReport onlyA = new PackageVerifier(Progress.SILENT).run(all.limitedTo(Set.of("a.tar.gz")));
    assertThat(onlyA.passed()).isTrue();
    assertThat(onlyA.verdicts()).extracting(FileVerdict::file).containsExactly("a.tar.gz");

    VerifyReport withB = new PackageVerifier(Progress.SILENT).run(all.limitedTo(Set.of("a.tar.gz", "b.tar.xz")));
    assertThat(withB.passed()).isFalse();
    assertThat(withB.verdicts()).extracting(FileVerdict::status).containsExactly(Status.OK, Status.MISMATCH);

    // A file the stage needs but the list does not name is never trusted.
    VerifyReport withC = new PackageVerifier(Progress.SILENT).run(all.limitedTo(Set.of("a.tar.gz", "c.tar.gz")));
    assertThat(withC.passed()).isFalse();
    assertThat(withC.verdicts()).extracting(FileVerdict::file, FileVerdict::status)
        .containsExactly(tuple("a.tar.gz", Status.OK), tuple("c.tar.gz", Status.UNLISTED));
  }

  @Test
  void mismatchNamesFileExpectedAndActual() throws IOException {
    String wrong = "0".repeat(64);
    sums(Sha256.ofString("alpha") + "  a.tar.gz\n" + wrong + "  b.tar.xz\n");

    VerifyReport report = verify(false);

    assertThat(report.passed()).isFalse();
    FileVerdict bad = report.verdicts().get(1);
    assertThat(bad.status()).isEqualTo(Status.MISMATCH);
    assertThat(bad.describe())
        .contains("b.tar.xz")
        .contains("expected: " + wrong)
        .contains("actual:   " + Sha256.ofString("bravo"));
  }

  @Test
  void listedButMissingFails() throws IOException {
    sums(Sha256.ofString("alpha") + "  a.tar.gz\n" + Sha256.ofString("bravo") + "  b.tar.xz\n"
        + "1".repeat(64) + "  c.tar.bz2\n");

    VerifyReport report = verify(false);

    assertThat(report.passed()).isFalse();
    assertThat(report.verdicts().get(2)).extracting(FileVerdict::file, FileVerdict::status)
        .containsExactly("c.tar.bz2", Status.MISSING);
  }

  @Test
  void unlistedFileWarnsAndFailsOnlyWhenStrict() throws IOException {
    sums(Sha256.ofString("alpha") + "  a.tar.gz\n");

    assertThat(verify(false).passed()).isTrue();
    VerifyReport strict = verify(true);
    assertThat(strict.passed()).isFalse();
    assertThat(strict.verdicts()).filteredOn(v -> v.status() == Status.UNLISTED)
        .extracting(FileVerdict::file).containsExactly("b.tar.xz");
  }

  @Test
  void malformedLineIsBadInputNamingTheLine() throws IOException {
    sums(Sha256.ofString("alpha") + "  a.tar.gz\nnot a checksum line\n");

    assertThatThrownBy(() -> verify(false))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("SHA256SUMS:2")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
  }

  @Test
  void namesLeavingTheDirectoryAreBadInput() throws IOException {
    for (String name : new String[] {"../x", "/etc/passwd", "a/../../x"}) {
      sums(Sha256.ofString("alpha") + "  " + name + "\n");
      assertThatThrownBy(() -> verify(false))
          .as(name)
          .isInstanceOf(AskBuildException.class)
          .hasMessageContaining(name)
          .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }
  }

  @Test
  void linkToAFileOutsideIsBadInput(@TempDir Path elsewhere) throws IOException {
    Path secret = Files.writeString(elsewhere.resolve("secret"), "alpha");
    Files.createSymbolicLink(packages.resolve("c.tar.gz"), secret);
    sums(Sha256.ofString("alpha") + "  c.tar.gz\n");

    assertThatThrownBy(() -> verify(false)).hasMessageContaining("outside the packages directory");
  }

  @Test
  void verifiesFilesFourTimesLargerThanItsHeap() throws Exception {
    // README's "constant memory", measured: `askbuild verify` in a child JVM with a 16 MiB heap
    // hashes two 64 MiB files. Holding a file (or most of one) in memory runs out of heap there.
    byte[] chunk = new byte[1 << 20];
    java.util.Random random = new java.util.Random(7);
    StringBuilder sums = new StringBuilder(
        Sha256.ofString("alpha") + "  a.tar.gz\n" + Sha256.ofString("bravo") + "  b.tar.xz\n");
    for (String name : new String[] {"big-1.tar.gz", "big-2.tar.gz"}) {
      var digest = Sha256.newDigest();
      try (var out = Files.newOutputStream(packages.resolve(name))) {
        for (int i = 0; i < 64; i++) {
          random.nextBytes(chunk);
          out.write(chunk);
          digest.update(chunk);
        }
      }
      sums.append(java.util.HexFormat.of().formatHex(digest.digest())).append("  ").append(name).append('\n');
    }
    sums(sums.toString());

    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx16m", "-XX:+UseSerialGC",
            "-cp", System.getProperty("java.class.path"),
            "dev.askbuild.cli.Main", "verify", "--packages", packages.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(child.waitFor()).as(output).isZero();
    assertThat(output).contains("verified: 4 ok, 0 mismatched");
  }
}
