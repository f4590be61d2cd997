package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad input is named for what it is: a BOM, an empty file, a zip, a file given as a directory. */
class InputMessagesTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void aByteOrderMarkInTheListIsNamedAsABom() throws Exception {
    Files.writeString(tmp.resolve("a.tar.gz"), "alpha");
    Files.write(tmp.resolve("SHA256SUMS"), ("\uFEFF" + dev.askbuild.core.Sha256.ofString("alpha") + "  a.tar.gz\n")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(run("verify", "--packages", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("SHA256SUMS:1", "byte order mark (BOM");
  }

  @Test
  void anEmptyFileSaysEmptyAndAZipSaysZip() throws Exception {
    Path empty = Files.createFile(tmp.resolve("empty.tar.gz"));
    assertThat(run("extract", "--archive", empty.toString(), "--into", tmp.resolve("x").toString())).isEqualTo(2);
    assertThat(err.toString()).contains(empty + " is empty (0 bytes)");
    Path zip = tmp.resolve("src.tar.gz");
    try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new java.util.zip.ZipEntry("a.c"));
      z.write("int x;\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(run("extract", "--archive", zip.toString(), "--into", tmp.resolve("y").toString())).isEqualTo(2);
    assertThat(err.toString()).contains(zip + " is a zip archive, not a tar");
  }

  @Test
  void packagesNamingAFileSaysItIsNotADirectory() throws Exception {
    Path file = Files.writeString(tmp.resolve("packages.txt"), "x");
    assertThat(run("verify", "--packages", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--packages " + file + " is not a directory");
  }

  @Test
  void aMissingListedFileIsExitOneInBoardModeAsInPlainMode() throws Exception {
    Path packages = Files.createDirectories(tmp.resolve("packages"));
    Files.writeString(packages.resolve("SHA256SUMS"), dev.askbuild.core.Sha256.ofString("x") + "  gone.tar.gz\n");
    assertThat(run("verify", "--packages", packages.toString())).isEqualTo(1);
    Path generated = dev.askbuild.job.DemoInputs.prepare(dev.askbuild.fixture.Fixtures.cache()).packages();
    Files.copy(generated.resolve("SHA256SUMS"), packages.resolve("SHA256SUMS"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(generated.resolve("ask-demo.tar.gz"), packages.resolve("ask-demo.tar.gz"));
    err.getBuffer().setLength(0);
    assertThat(run("verify", "--board", "demo", "--target", "userspace", "--packages", packages.toString(),
        "--cache", dev.askbuild.fixture.Fixtures.cache().toString(), "--out", tmp.resolve("out").toString()))
        .as(err.toString()).isEqualTo(1);
    assertThat(err.toString()).contains("libdemo-1.0.tar.gz");
  }
}
