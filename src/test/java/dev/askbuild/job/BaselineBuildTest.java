package dev.askbuild.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.cli.Main;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.fixture.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two demo builds of the same inputs, the second against the first as its baseline. */
class BaselineBuildTest {
  @Test
  void twoDemoBuildsOfTheSameInputsDiffAsNoChange(@TempDir Path dir) throws Exception {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    JobRequest one = JobRequest.of("demo", Optional.empty(), first, Fixtures.cache());
    BoardJob.open(one, ProcessRunner.forBuilds(), Progress.SILENT).build(EnumSet.allOf(Stage.class));
    JobRequest two = JobRequest.of("demo", Optional.empty(), second, Fixtures.cache());
    BoardJob job = BoardJob.open(two, ProcessRunner.forBuilds(), Progress.SILENT).compareWith(first, true);
    Manifest manifest = job.build(EnumSet.allOf(Stage.class));

    StageRun check = manifest.runs().get(manifest.runs().size() - 1);
    StageSummary.Check summary = (StageSummary.Check) check.summary();
    assertThat(summary.abiDiff()).isEqualTo("no change");
    assertThat(summary.abiChanged()).isFalse();
    assertThat(summary.abiBreaks()).isZero();
    ObjectMapper json = new ObjectMapper();
    JsonNode checks = json.readTree(second.resolve("reports/checks.json").toFile());
    assertThat(checks.at("/abiDiff/verdict").asText()).isEqualTo("no change");
    assertThat(checks.get("passed").asBoolean()).isTrue();
    assertThat(second.resolve("reports/checks.xml")).content()
        .contains("<testsuite name=\"askbuild.abi\" tests=\"1\" failures=\"0\"", "no change since " + first);
    assertThat(second.resolve("reports/report.html")).content()
        .contains("ABI against the baseline: <b>no change</b>", "ask-demo.tar.gz", "pinned", "linux-source-6.12.tar.xz");
    // The provenance says what each artifact is built from, which names a moved input as a cause.
    JsonNode provenance = json.readTree(second.resolve("reports/provenance.json").toFile());
    assertThat(provenance.at("/artifactInputs/hello").toString()).contains("libdemo-1.0.tar.gz", "ask-demo.tar.gz");
    assertThat(provenance.at("/artifactInputs/alpha.ko").toString()).contains("linux-source-6.12.tar.xz", "kernel .config")
        .doesNotContain("libdemo");
    assertThat(provenance.at("/tarballOrigins/libdemo-1.0.tar.gz").asText()).isEqualTo("pinned");
    assertThat(json.readTree(second.resolve("reports/abi.json").toFile()).at("/artifacts").toString())
        .contains("\"alpha_add\"", "\"soname\":\"libgreet.so.1\"");

    StringWriter out = new StringWriter();
    int code = Main.run(new String[] {"diff", first.toString(), second.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertThat(code).as(out.toString()).isZero();
    assertThat(out.toString()).contains(": no change");
  }
}
