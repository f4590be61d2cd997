package dev.askbuild.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.core.FileIdentity;
import dev.askbuild.core.Progress;
import dev.askbuild.core.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warm run's verification: a tarball unchanged since this machine hashed it is not read again,
 * any write to it is seen (its change time moves, whatever was done to its modification time), and
 * {@code --rehash} reads every file whatever the memo says.
 */
class RememberedHashesTest {
  @TempDir Path packages;
  @TempDir Path cache;
  Path memo;
  Path tarball;
  final String good = "kernel tarball bytes, version 1";

  @BeforeEach
  void vendor() throws IOException {
    tarball = packages.resolve("linux.tar.xz");
    Files.writeString(tarball, good);
    Files.writeString(packages.resolve("SHA256SUMS"), Sha256.ofString(good) + "  linux.tar.xz\n");
    memo = cache.resolve(".verified-tarballs-test");
  }

  private VerifyReport verify(boolean rehash) throws IOException {
    return new PackageVerifier(Progress.SILENT).run(VerifyRequest.of(packages).limitedTo(Set.of("linux.tar.xz"))
        .withHashMemo(memo, rehash));
  }

  private static boolean remembered(VerifyReport report) {
    return report.messages().stream().anyMatch(l -> l.startsWith("verify: ok linux.tar.xz") && l.contains("hash remembered"));
  }

  private static void settle() throws InterruptedException {
    // A file is remembered only once its last change is a second older than the hashing.
    Thread.sleep(RememberedHashes.RACY_NANOS / 1_000_000 + 200);
  }

  @Test
  void anUnchangedFileIsNotReadAgainAndAnyWriteIsSeen() throws Exception {
    // Just written: hashed and passed, but not remembered (a write in the same clock tick could hide).
    assertThat(verify(false).passed()).isTrue();
    assertThat(memo).doesNotExist();

    settle();
    VerifyReport first = verify(false);
    assertThat(first.passed()).isTrue();
    assertThat(remembered(first)).isFalse();
    assertThat(Files.readString(memo)).contains(FileIdentity.of(tarball.toRealPath()).text() + " " + Sha256.ofString(good)
        + "\t" + tarball.toRealPath());

    VerifyReport second = verify(false);
    assertThat(second.passed()).isTrue();
    assertThat(remembered(second)).as("the second run trusts the remembered hash").isTrue();

    // Same size, modification time set back: only the change time tells, and it does.
    FileTime mtime = Files.getLastModifiedTime(tarball);
    Files.writeString(tarball, good.replace('1', '2'));
    Files.setLastModifiedTime(tarball, mtime);
    VerifyReport changed = verify(false);
    assertThat(changed.passed()).isFalse();
    assertThat(changed.verdicts()).extracting(FileVerdict::status).containsExactly(Status.MISMATCH);
  }

  @Test
  void aRememberedHashOnlySparesAReadAndRehashReadsEveryFile() throws Exception {
    settle();
    FileIdentity id = FileIdentity.of(tarball.toRealPath());
    // A memo that remembers another hash for this very file cannot fail it: the file is read.
    Files.writeString(memo, id.text() + " " + "0".repeat(64) + "\t" + tarball.toRealPath() + "\n");
    VerifyReport wrongMemo = verify(false);
    assertThat(wrongMemo.passed()).isTrue();
    assertThat(remembered(wrongMemo)).isFalse();

    // What the memo trusts, shown: other bytes under an identity remembered with the good hash
    // pass without --rehash (the memo lives in the cache and is trusted as much) and fail with it.
    Files.writeString(tarball, good.replace('1', '3'));
    settle();
    Files.writeString(memo, FileIdentity.of(tarball.toRealPath()).text() + " " + Sha256.ofString(good) + "\t"
        + tarball.toRealPath() + "\n");
    assertThat(remembered(verify(false))).isTrue();
    VerifyReport rehashed = verify(true);
    assertThat(rehashed.passed()).isFalse();
    assertThat(rehashed.verdicts()).extracting(FileVerdict::status).containsExactly(Status.MISMATCH);
    // --rehash also renews the memo with what it read.
    assertThat(Files.readString(memo)).contains(Sha256.ofString(good.replace('1', '3')));
  }
}
