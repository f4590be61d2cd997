package dev.askbuild.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerContextTest {
  @TempDir Path tmp;
  Path packages;
  Path classes;

  @BeforeEach
  void inputs() throws Exception {
    packages = Files.createDirectories(tmp.resolve("packages"));
    Files.writeString(packages.resolve("SHA256SUMS"), "sums\n");
    Files.writeString(packages.resolve("kernel.tar.xz"), "kernel");
    Files.writeString(packages.resolve("ASK.tar.gz"), "a copy of the private tarball");
    classes = Files.createDirectories(tmp.resolve("classes/dev/askbuild"));
    Files.writeString(classes.resolve("Main.class"), "bytecode");
    classes = tmp.resolve("classes");
  }

  private DockerRequest request(List<PrivateInput> privates) {
    return new DockerRequest("demo", List.of(), packages, tmp.resolve("out"), privates, List.of(), List.of(classes),
        Optional.empty(), Optional.empty(), Optional.empty(), "docker");
  }

  @Test
  void holdsTheDockerfileTheStageScriptTheJarsAndHardLinksOfThePublicPackagesOnly() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret-name.tar.gz"), "private");
    DockerContext.Staged staged = DockerContext.stage(request(List.of(new PrivateInput("ASK.tar.gz", secret))),
        tmp.resolve("ctx"), tmp.resolve("secrets"));
    Path ctx = staged.dir();

    assertThat(ctx.resolve("Dockerfile")).isRegularFile();
    assertThat(ctx.resolve(".dockerignore")).content().startsWith("#").contains("\n*\n");
    assertThat(ctx.resolve("opt/askbuild-stage")).content().contains("askbuild-result: ");
    assertThat(ctx.resolve("opt/lib/00-classes.jar")).isRegularFile();
    assertThat(ctx.resolve("packages/SHA256SUMS")).hasContent("sums");
    assertThat(ctx.resolve("packages/ASK.tar.gz")).as("a private tarball never enters the context").doesNotExist();
    assertThat(Files.getAttribute(ctx.resolve("packages/kernel.tar.xz"), "unix:ino"))
        .isEqualTo(Files.getAttribute(packages.resolve("kernel.tar.xz"), "unix:ino"));

    assertThat(staged.secrets()).containsExactly(tmp.resolve("secrets/private1"));
    assertThat(Files.readSymbolicLink(staged.secrets().get(0))).isEqualTo(secret.toAbsolutePath());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("secrets")))).isEqualTo("rwx------");

    DockerContext.remove(staged);
    assertThat(ctx).doesNotExist();
    assertThat(tmp.resolve("secrets")).doesNotExist();
    assertThat(secret).exists();
  }

  /** ccache's results and configuration go along, hard-linked; its locks, statistics and temporary files do not. */
  @Test
  void aCompilerCacheSeedGoesAlongWithoutItsLocksStatisticsOrTemporaryFiles() throws Exception {
    Path ccache = Files.createDirectories(tmp.resolve("ccache/a/b"));
    Files.writeString(ccache.resolve("0123R"), "result");
    Files.writeString(ccache.resolve("4567M"), "manifest");
    Files.writeString(ccache.resolve("stats"), "counters");
    Files.writeString(ccache.resolve("0123R.lock"), "held");
    Files.writeString(tmp.resolve("ccache/ccache.conf"), "max_size = 5G\n");
    Files.writeString(Files.createDirectories(tmp.resolve("ccache/tmp")).resolve("cpp_stdout.tmp"), "half");

    Path ctx = DockerContext.stage(request(List.of()).withCcacheSeed(tmp.resolve("ccache")), tmp.resolve("ctx"),
        tmp.resolve("s")).dir();

    try (var walk = Files.walk(ctx.resolve("ccache-seed"))) {
      assertThat(walk.filter(Files::isRegularFile).map(p -> ctx.resolve("ccache-seed").relativize(p).toString()))
          .containsExactlyInAnyOrder("a/b/0123R", "a/b/4567M", "ccache.conf");
    }
    assertThat(Files.getAttribute(ctx.resolve("ccache-seed/a/b/0123R"), "unix:ino"))
        .isEqualTo(Files.getAttribute(ccache.resolve("0123R"), "unix:ino"));

    Path plain = DockerContext.stage(request(List.of()), tmp.resolve("ctx2"), tmp.resolve("s")).dir();
    assertThat(plain.resolve("ccache-seed")).as("the Dockerfile mounts it either way").isEmptyDirectory();
    assertThatThrownBy(() -> DockerContext.stage(request(List.of()).withCcacheSeed(tmp.resolve("nope")),
        tmp.resolve("ctx3"), tmp.resolve("s")))
        .isInstanceOf(AskBuildException.class).hasMessage("--ccache-seed " + tmp.resolve("nope") + " is not a directory");
  }

  @Test
  void classesArePackedIntoTheSameBytesEveryTimeSoTheBuilderStaysCached() throws Exception {
    DockerContext.stage(request(List.of()), tmp.resolve("a"), tmp.resolve("s"));
    Files.setLastModifiedTime(classes.resolve("dev/askbuild/Main.class"),
        java.nio.file.attribute.FileTime.fromMillis(1));
    DockerContext.stage(request(List.of()), tmp.resolve("b"), tmp.resolve("s"));

    assertThat(Files.readAllBytes(tmp.resolve("b/opt/lib/00-classes.jar")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("a/opt/lib/00-classes.jar")));
  }

  @Test
  void aPackageLinkingOutOfTheDirectoryIsExitTwoNamingIt() throws Exception {
    Files.createSymbolicLink(packages.resolve("libx.tar.gz"), Path.of("/etc/hostname"));

    assertThatThrownBy(() -> DockerContext.stage(request(List.of()), tmp.resolve("ctx"), tmp.resolve("s")))
        .isInstanceOf(AskBuildException.class).hasMessageContaining("libx.tar.gz").hasMessageContaining("outside")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
  }

  @Test
  void aLinkInsideThePackagesDirectoryIsFollowed() throws Exception {
    Files.createSymbolicLink(packages.resolve("alias.tar.xz"), Path.of("kernel.tar.xz"));

    Path ctx = DockerContext.stage(request(List.of()), tmp.resolve("ctx"), tmp.resolve("s")).dir();

    assertThat(ctx.resolve("packages/alias.tar.xz")).isRegularFile().hasContent("kernel");
  }
}
