package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.core.Sha256;
import dev.askbuild.fixture.Fixtures;
import dev.askbuild.job.DemoInputs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The messages a user of a real board meets when an input is wrong, each as the CLI prints it. */
class RealBoardMessagesTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  /** The demo board's inputs copied into a packages directory of the test's own. */
  private Path packages() throws Exception {
    Path packages = Files.createDirectories(tmp.resolve("packages"));
    Path generated = DemoInputs.prepare(Fixtures.cache()).packages();
    for (String name : List.of("ask-demo.tar.gz", "libdemo-1.0.tar.gz", "SHA256SUMS")) {
      Files.copy(generated.resolve(name), packages.resolve(name));
    }
    return packages;
  }

  private int verify(Path packages, String... more) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("verify", "--board", "demo", "--packages",
        packages.toString(), "--out", tmp.resolve("out").toString(), "--cache", Fixtures.cache().toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void aHashMismatchIsAnErrorNotAWarning() throws Exception {
    Path packages = packages();
    byte[] bytes = Files.readAllBytes(packages.resolve("libdemo-1.0.tar.gz"));
    bytes[bytes.length / 2] ^= 1;
    Files.write(packages.resolve("libdemo-1.0.tar.gz"), bytes);

    assertThat(verify(packages, "--target", "userspace")).isEqualTo(1);
    assertThat(err.toString()).contains("error: verify: sha256 mismatch: libdemo-1.0.tar.gz")
        .doesNotContain("warning: verify:").doesNotContain("verify: passed");
  }

  @Test
  void aListThatContradictsAPinIsAnErrorNotAWarning() throws Exception {
    Path packages = packages();
    Path sums = packages.resolve("SHA256SUMS");
    Files.writeString(sums, Files.readString(sums).replaceAll("(?m)^[0-9a-f]{64}(  ask-demo.tar.gz)$",
        Sha256.ofString("other") + "$1"));

    assertThat(verify(packages, "--target", "userspace")).isEqualTo(1);
    assertThat(err.toString()).contains("error: verify: checksum list conflict: ask-demo.tar.gz")
        .doesNotContain("warning: verify:");
  }

  /** A kernel tarball of another line than the board's, outside the packages directory. */
  private Path otherKernel() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("src/linux-5.4.281"));
    Files.writeString(tree.resolve("Makefile"), "VERSION = 5\nPATCHLEVEL = 4\nSUBLEVEL = 281\nEXTRAVERSION =\n");
    Path tar = tmp.resolve("elsewhere/linux-5.4.281.tar.gz");
    Files.createDirectories(tar.getParent());
    Fixtures.run("tar", "-czf", tar.toString(), "-C", tmp.resolve("src").toString(), "linux-5.4.281");
    return tar;
  }

  @Test
  void anUnlistedKernelTarSaysWhichLineToAddOrWhichHashToGive() throws Exception {
    Path packages = packages();
    Path kernel = otherKernel();
    String sha = Sha256.ofFile(kernel);

    assertThat(verify(packages, "--kernel-tar", kernel.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains("error: verify: unlisted: linux-5.4.281.tar.gz is not in the checksum list")
        .contains("add the line '" + sha + "  linux-5.4.281.tar.gz' to " + packages.resolve("SHA256SUMS"))
        .contains("or prove it with --kernel-sha256 " + sha)
        .doesNotContain("warning: verify:");
  }

  @Test
  void passedIsNotSaidWhenTheKernelIsOfAnotherLine() throws Exception {
    Path packages = packages();
    Path kernel = otherKernel();

    // Proven by --kernel-sha256, then refused for its version: "passed" is never printed.
    assertThat(verify(packages, "--kernel-tar", kernel.toString(), "--kernel-sha256", Sha256.ofFile(kernel)))
        .isEqualTo(2);
    assertThat(err.toString()).contains("verify: ok linux-5.4.281.tar.gz")
        .contains("linux-5.4.281.tar.gz is Linux 5.4.281, but board demo is built on Linux 6.12")
        .doesNotContain("verify: passed");

    // The same tarball listed instead: the list's line does what --kernel-sha256 did.
    Files.writeString(packages.resolve("SHA256SUMS"), Sha256.ofFile(kernel) + "  linux-5.4.281.tar.gz\n",
        StandardOpenOption.APPEND);
    assertThat(verify(packages, "--kernel-tar", kernel.toString())).isEqualTo(2);
    assertThat(run("verify", "--board", "demo", "--out", tmp.resolve("o").toString(), "--kernel-sha256", "abc"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--kernel-sha256 takes 64 lower-case hex digits");
  }

  @Test
  void compileJsonOnFailureCarriesTheStagesMessages() throws Exception {
    Path board = tmp.resolve("board");
    assertThat(run("board", "export", "demo", board.toString())).isZero();
    Path plan = board.resolve("compile.json");
    Files.writeString(plan, Files.readString(plan).replace("\"CFLAGS\": \"-O2 -g\"", "\"CFLAGS\": \"-O2 --no-such-flag\""));
    String[] common = {"--board-dir", board.toString(), "--target", "userspace", "--out", tmp.resolve("out").toString(),
        "--cache", Fixtures.cache().toString()};
    assertThat(run(concat("verify", common))).as(err.toString()).isZero();
    assertThat(run(concat("sysroot", common))).as(err.toString()).isZero();
    out.getBuffer().setLength(0);

    int code = run(concat("compile", concat("--json", common)));

    assertThat(code).isNotZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.path("status").asText()).isEqualTo("failed");
    List<String> messages = new java.util.ArrayList<>();
    json.path("messages").forEach(m -> messages.add(m.asText()));
    assertThat(messages).contains("compile: userspace (userspace)");
    assertThat(tmp.resolve("out/logs/compile.log")).content().contains("compile: userspace (userspace)");
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
