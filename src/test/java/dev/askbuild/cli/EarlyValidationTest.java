package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every option is checked before any stage: a bad one is exit 2 and no stage has started. */
class EarlyValidationTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void aNegativeEpochIsRefusedBeforeVerifyHashesAnything() {
    Path dir = tmp.resolve("out");
    assertThat(run("verify", "--board", "demo", "--out", dir.toString(), "--cache", tmp.resolve("c").toString(),
        "--epoch", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--epoch", "-1", "2106").doesNotContain("passed");
    assertThat(out.toString()).doesNotContain("passed");
    assertThat(dir.resolve("logs")).doesNotExist();
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void anEpochPastTheUnsigned32BitTimeLimitIsRefusedWithTheReason() {
    Path dir = tmp.resolve("out");
    assertThat(run("build", "--board", "demo", "--out", dir.toString(), "--cache", tmp.resolve("c").toString(),
        "--epoch", "99999999999999")).isEqualTo(2);
    assertThat(err.toString()).contains("--epoch", "99999999999999", "4294967295", "32-bit unsigned");
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void theLastSecondOf2106IsAcceptedByTheRequest() throws Exception {
    // The bound itself is an epoch a run may use; one second more is not.
    Path dir = tmp.resolve("out");
    assertThat(run("verify", "--board", "demo", "--out", dir.toString(), "--cache", tmp.resolve("c").toString(),
        "--epoch", "4294967296")).isEqualTo(2);
    assertThat(dev.askbuild.job.JobRequest.of("demo", java.util.Optional.empty(), dir, tmp)
        .withEpoch(4294967295L).epoch()).isEqualTo(4294967295L);
  }

  @Test
  void zeroJobsIsRefusedBeforeAnyStage() {
    Path dir = tmp.resolve("out");
    assertThat(run("verify", "--board", "demo", "--out", dir.toString(), "--cache", tmp.resolve("c").toString(),
        "--jobs", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--jobs", "0");
    assertThat(Files.exists(dir.resolve("state"))).isFalse();
  }
}
