package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.core.Sha256;
import dev.askbuild.fixture.Fixtures;
import dev.askbuild.job.DemoInputs;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "verify: passed" means the proven tarballs can be unpacked: a hostile entry fails verify, naming it. */
class VerifyUnpackableTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  private static byte[] tarGz(String... namesAndContents) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes), "UTF-8")) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        byte[] data = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(namesAndContents[i], true);
        e.setSize(data.length);
        e.setMode(0100644);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void aListedAndPinnedTarballWithADotDotEntryFailsVerifyNamingEntryAndTarball() throws Exception {
    Path generated = DemoInputs.prepare(Fixtures.cache()).packages();
    Path packages = Files.createDirectories(tmp.resolve("packages"));
    Files.copy(generated.resolve("ask-demo.tar.gz"), packages.resolve("ask-demo.tar.gz"));
    byte[] hostile = tarGz("libdemo-1.0/Makefile", "all:\n", "libdemo-1.0/../../evil.sh", "echo owned\n");
    Files.write(packages.resolve("libdemo-1.0.tar.gz"), hostile);
    String libdemo = Sha256.ofBytes(hostile);
    Files.writeString(packages.resolve("SHA256SUMS"), Sha256.ofFile(packages.resolve("ask-demo.tar.gz"))
        + "  ask-demo.tar.gz\n" + libdemo + "  libdemo-1.0.tar.gz\n");
    // The board pins the hostile tarball's hash too: only its entries are wrong.
    Path board = tmp.resolve("board");
    assertThat(run("board", "export", "demo", board.toString())).isZero();
    Path pins = board.resolve("demo.hash");
    Files.writeString(pins, Files.readString(pins).replaceAll("[0-9a-f]{64}(  libdemo-1.0.tar.gz)", libdemo + "$1"));

    int code = run("verify", "--board-dir", board.toString(), "--packages", packages.toString(), "--target",
        "userspace", "--cache", Fixtures.cache().toString(), "--out", tmp.resolve("out").toString());

    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains("libdemo-1.0.tar.gz", "'libdemo-1.0/../../evil.sh'", "climbs out")
        .doesNotContain("passed").doesNotContain("Exception");
    assertThat(tmp.resolve("evil.sh")).doesNotExist();
    assertThat(tmp.resolve("out/work/verify/unpack-check")).doesNotExist();
  }
}
