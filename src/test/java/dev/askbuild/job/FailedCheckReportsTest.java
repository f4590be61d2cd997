package dev.askbuild.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.fixture.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18, defect 1: a failed check never leaves the green reports of an earlier one. */
class FailedCheckReportsTest {
  @Test
  void aDistChangedAfterCompileFailsInEveryReportNamingTheFile(@TempDir Path out) throws Exception {
    JobRequest request = JobRequest.of("demo", Optional.empty(), out, Fixtures.cache());
    BoardJob job = BoardJob.open(request, ProcessRunner.forBuilds(), Progress.SILENT);
    for (Stage stage : Stage.values()) {
      job.run(stage);
    }
    Path reports = out.resolve("reports");
    assertThat(reports.resolve("checks.json")).content().contains("\"passed\" : true");

    Path alpha = out.resolve("dist/alpha.ko");
    byte[] bytes = Files.readAllBytes(alpha);
    bytes[bytes.length - 1] ^= 1;
    Files.write(alpha, bytes);

    // A new process's run of the stage, as `askbuild check --board demo --out DIR` is.
    BoardJob again = BoardJob.open(request, ProcessRunner.forBuilds(), Progress.SILENT);
    assertThatThrownBy(() -> again.run(Stage.CHECK))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("is not what the compile stage delivered: alpha.ko (its bytes changed)")
        .satisfies(e -> assertThat(((AskBuildException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED));

    assertThat(reports.resolve("checks.json")).content()
        .contains("\"passed\" : false", "\"failures\" : [ {", "\"artifact\" : \"alpha.ko\"", "\"check\" : \"delivered\"",
            "its bytes changed");
    assertThat(reports.resolve("checks.xml")).content()
        .contains("<testcase classname=\"alpha.ko\" name=\"delivered\"", "<failure message=\"delivered: expected sha256 ");
    assertThat(reports.resolve("report.html")).content().contains("FAILED: 1 failed", "alpha.ko", "delivered");
    assertThat(out.resolve("state/check.json")).doesNotExist();

    // A file gone from dist is a failure of its own in the reports too, though no artifact holds it.
    Files.delete(alpha);
    assertThatThrownBy(() -> BoardJob.open(request, ProcessRunner.forBuilds(), Progress.SILENT).run(Stage.CHECK))
        .hasMessageContaining("alpha.ko (missing)");
    assertThat(reports.resolve("checks.json")).content().contains("\"artifact\" : \"alpha.ko\"", "\"actual\" : \"missing\"");
    assertThat(reports.resolve("checks.xml")).content().contains("classname=\"alpha.ko\" name=\"delivered\"");
  }
}
