package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.fixture.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-stage commands with {@code --json} on the demo board, run one after another into one
 * output directory as the Jenkins steps run them: their JSON is a contract, pinned field by field.
 */
class StageCommandsJsonTest {
  static final List<String> ENVELOPE =
      List.of("schema", "command", "board", "status", "exitCode", "seconds", "cache", "out", "messages", "result");

  record Run(int exit, JsonNode json, String err) {}

  private static Run run(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(exit, new ObjectMapper().readTree(out.toString()), err.toString());
  }

  private static Run stage(String command, Path out) throws Exception {
    return run(command, "--board", "demo", "--out", out.toString(), "--cache", Fixtures.cache().toString(), "--json");
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void eachStageCommandPrintsItsDocumentedJson(@TempDir Path out) throws Exception {
    Run verify = stage("verify", out);
    assertThat(verify.exit()).as(verify.err()).isZero();
    assertThat(fields(verify.json())).containsExactlyElementsOf(ENVELOPE);
    assertThat(verify.json().path("schema").asInt()).isEqualTo(1);
    assertThat(verify.json().path("command").asText()).isEqualTo("verify");
    assertThat(verify.json().path("status").asText()).isEqualTo("ok");
    assertThat(fields(verify.json().path("result")))
        .containsExactly("passed", "files", "pinned", "unlisted", "failures", "signature", "sums", "kernelVersion",
            "kernelPatchedFiles", "kernelNeedsChecked");
    assertThat(verify.json().path("result").path("files").asInt()).isEqualTo(3);
    // Debian's 6.12 tree, no patch series; alpha's CONFIG_MODULES is declared (Module.symvers waits for the build).
    assertThat(verify.json().path("result").path("kernelVersion").asText()).startsWith("6.12.");
    assertThat(verify.json().path("result").path("kernelPatchedFiles").asInt()).isZero();
    assertThat(verify.json().path("result").path("kernelNeedsChecked").asInt()).isEqualTo(1);
    assertThat(verify.json().path("result").path("pinned").asInt()).isEqualTo(2);

    Run sysroot = stage("sysroot", out);
    assertThat(sysroot.exit()).as(sysroot.err()).isZero();
    assertThat(fields(sysroot.json().path("result"))).containsExactly("sysroot", "key", "cacheHit");
    assertThat(sysroot.json().path("cache").asText()).isIn("hit", "miss");

    Run kernel = stage("kernel", out);
    assertThat(kernel.exit()).as(kernel.err()).isZero();
    assertThat(fields(kernel.json().path("result")))
        .containsExactly("tree", "release", "mode", "cacheHit", "droppedSymbols", "objects", "buildMillis");
    assertThat(kernel.json().path("result").path("mode").asText()).isEqualTo("full");
    assertThat(kernel.json().path("result").path("release").asText()).startsWith("6.12");

    Run compile = stage("compile", out);
    assertThat(compile.exit()).as(compile.err()).isZero();
    assertThat(fields(compile.json().path("result"))).containsExactly("dist", "artifacts");
    assertThat(fields(compile.json().path("result").path("artifacts")))
        .containsExactly("alpha.ko", "beta.ko", "hello", "libgreet.so.1");

    Run check = stage("check", out);
    assertThat(check.exit()).as(check.err()).isZero();
    assertThat(fields(check.json().path("result"))).containsExactly(
        "passed", "passedChecks", "failedChecks", "artifacts", "reportDir", "reportHtml", "junitXml", "abiJson");
    assertThat(check.json().path("result").path("failedChecks").asInt()).isZero();
    assertThat(check.json().path("result").path("artifacts").asInt()).isEqualTo(4);
    assertThat(out.resolve("logs")).isDirectoryContaining(p -> p.getFileName().toString().equals("check.log"));
  }

  @Test
  void aStageWhoseInputIsMissingPrintsAFailedResultAndExitsTwo(@TempDir Path out) throws Exception {
    Run check = stage("check", out);

    assertThat(check.exit()).isEqualTo(2);
    assertThat(fields(check.json())).contains("error").containsAll(ENVELOPE);
    assertThat(check.json().path("status").asText()).isEqualTo("failed");
    assertThat(check.json().path("exitCode").asInt()).isEqualTo(2);
    assertThat(check.json().path("error").asText()).contains("no result of the compile stage", "askbuild compile");
  }

  @Test
  void anUnknownBoardIsNamedFirst(@TempDir Path out) throws Exception {
    StringWriter err = new StringWriter();
    int exit = Main.run(new String[] {"build", "--board", "nosuch", "--out", out.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: unknown board 'nosuch'; known boards: mono-gateway, demo")
        .doesNotContain("Usage");
    assertThat(out).isEmptyDirectory();
  }
}
