package dev.askbuild.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.compile.Target;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.core.Sha256;
import dev.askbuild.fixture.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real board's inputs as a run selects them: a run verifies and needs exactly the tarballs its
 * target and components read. The packages here are small stand-ins with the board's file names;
 * nothing is built.
 */
class MonoGatewayInputsTest {
  static final String ASK = "ASK-mt-6.12.49-2.2.0.tar.gz";

  private final Progress quiet = Progress.SILENT;

  @Test
  void aUserspaceBuildOfLibfciNeedsOnlyTheAskTarball(@TempDir Path dir) throws Exception {
    Path packages = packages(dir, Map.of());

    StageRun verified = open(request(dir, packages, Target.USERSPACE, Set.of("libfci"))).run(Stage.VERIFY);

    assertThat(verified.summary()).containsEntry("files", 1L).containsEntry("passed", true);
  }

  @Test
  void everyMissingTarballIsListedWithWhatNeedsIt(@TempDir Path dir) throws Exception {
    Path packages = packages(dir, Map.of());

    assertThatThrownBy(() -> open(request(dir, packages, Target.USERSPACE, Set.of("cmm"))).run(Stage.VERIFY))
        .isInstanceOf(AskBuildException.class)
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThatThrownBy(() -> open(request(dir, packages, Target.USERSPACE, Set.of("cmm"))).run(Stage.VERIFY))
        .hasMessage("board mono-gateway is missing 2 input tarball(s) for the userspace target (components cmm,libfci):\n"
            + "  libnfnetlink-1.0.2.tar.bz2: library libnfnetlink, needed by libnetfilter_conntrack (looked for "
            + packages.resolve("libnfnetlink-1.0.2.tar.bz2") + ")\n"
            + "  libnetfilter_conntrack-1.1.0.tar.xz: library libnetfilter_conntrack, needed by cmm (looked for "
            + packages.resolve("libnetfilter_conntrack-1.1.0.tar.xz") + ")");

    // dpa_app is built against fmc and fmlib; the dist target adds the kernel.
    assertThatThrownBy(() -> open(request(dir, packages, Target.DIST, Set.of("dpa_app"))).run(Stage.VERIFY))
        .hasMessageStartingWith("board mono-gateway is missing 3 input tarball(s) for the dist target (components"
            + " dpa_app,fmc,fmlib):\n  linux-lf-6.12.49-2.2.0.tar.gz: the kernel the dist target builds modules against")
        .hasMessageContaining("\n  fmlib-lf-6.12.49-2.2.0.tar.gz: library fmlib, needed by fmlib (")
        .hasMessageContaining("\n  fmc-lf-6.12.49-2.2.0.tar.gz: library fmc, needed by fmc (")
        .message().doesNotContain("libnfnetlink").doesNotContain(ASK);
  }

  @Test
  void aResultOfAnotherComponentSelectionIsNotReused(@TempDir Path dir) throws Exception {
    Path packages = packages(dir, Map.of());
    open(request(dir, packages, Target.USERSPACE, Set.of("libfci"))).run(Stage.VERIFY);

    BoardJob other = open(request(dir, packages, Target.USERSPACE, Set.of("cmm")));
    assertThatThrownBy(() -> other.run(Stage.SYSROOT))
        .hasMessageContaining("belongs to another run (mono-gateway epoch " + Fixtures.EPOCH
            + " target userspace components libfci, not mono-gateway epoch " + Fixtures.EPOCH
            + " target userspace components cmm,libfci)");
  }

  private BoardJob open(JobRequest request) throws IOException {
    return BoardJob.open(request, ProcessRunner.forBuilds(), quiet);
  }

  static JobRequest request(Path dir, Path packages, Target target, Set<String> components) {
    return new JobRequest("mono-gateway", Optional.of(packages), Map.of(), Optional.empty(), dir.resolve("out"),
        dir.resolve("cache"), Fixtures.EPOCH, Optional.empty(), Optional.empty(), false, false, target, components, 2);
  }

  /**
   * A packages directory with a stand-in ASK tarball holding {@code askFiles} (path to text) and
   * whatever else {@code extra} names, all listed in SHA256SUMS.
   */
  static Path packages(Path dir, Map<String, String> askFiles) throws Exception {
    Path src = Files.createDirectories(dir.resolve("ask-src/ASK-mt-6.12.49-2.2.0"));
    Files.writeString(src.resolve("README.md"), "stand-in for ASK\n");
    for (var e : askFiles.entrySet()) {
      Path f = src.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
    }
    Path packages = Files.createDirectories(dir.resolve("packages"));
    Fixtures.run("tar", "-czf", packages.resolve(ASK).toString(), "-C", dir.resolve("ask-src").toString(),
        "ASK-mt-6.12.49-2.2.0");
    Files.writeString(packages.resolve("SHA256SUMS"), Sha256.ofFile(packages.resolve(ASK)) + "  " + ASK + "\n");
    return packages;
  }
}
