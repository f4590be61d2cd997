package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code askbuild docker} against stand-in docker CLIs: what it prints, and how it fails. */
class DockerCommandTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  Path packages;
  Path outDir;

  @BeforeEach
  void packages() throws Exception {
    packages = Files.createDirectories(tmp.resolve("packages"));
    Files.writeString(packages.resolve("SHA256SUMS"), "# none\n");
    Files.writeString(packages.resolve("linux-source-6.12.tar.xz"), "k");
    outDir = tmp.resolve("out");
  }

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  /** A docker CLI that answers the probes: buildx present or not, its version, the daemon's. */
  private Path fakeDocker(boolean buildx, String version, boolean daemon) throws Exception {
    Path script = tmp.resolve("docker-" + buildx + "-" + version.replace(' ', '_') + "-" + daemon);
    Files.writeString(script, String.join("\n",
        "#!/bin/sh",
        "case \"$1\" in",
        "  buildx) " + (buildx ? "echo 'github.com/docker/buildx v0.12.1'; exit 0" : "echo \"docker: 'buildx' is not a docker command.\"; exit 1") + " ;;",
        "  --version) echo 'Docker version " + version + ", build 297e128' ;;",
        "  version) " + (daemon ? "echo 20.10.24" : "echo 'Cannot connect to the Docker daemon at unix:///nowhere.sock. Is the docker daemon running?'; exit 1") + " ;;",
        "  *) echo \"unexpected: $*\"; exit 9 ;;",
        "esac", ""), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  @Test
  void printWithTheBuildxPluginIsTheExactBuildxCommandLine() throws Exception {
    Path docker = fakeDocker(true, "24.0.7", false);

    assertThat(run("docker", "--board", "demo", "--packages", packages.toString(), "--out", outDir.toString(),
        "--docker", docker.toString(), "--print")).isZero();

    Path ctx = outDir.toAbsolutePath().resolve(".docker-context");
    assertThat(out.toString()).isEqualTo(docker + " buildx build --progress=plain --platform linux/arm64 --file "
        + ctx.resolve("Dockerfile") + " --target artifacts --build-arg BOARD=demo --build-arg DEV_PACKAGES="
        + " --build-arg PRIVATE_NAMES= --output type=local,dest=" + outDir.toAbsolutePath().resolve(".docker-export")
        + " " + ctx + "\n");
    // Printed lines can be run as they are: the context they name is there.
    assertThat(ctx.resolve("Dockerfile")).isRegularFile();
    assertThat(ctx.resolve("packages/linux-source-6.12.tar.xz")).isRegularFile();
  }

  @Test
  void withoutBuildxA2010CliRunsTheClassicBuilderWithBuildkitAndTheSameFlags() throws Exception {
    Path docker = fakeDocker(false, "20.10.24+dfsg1", false);

    assertThat(run("docker", "--board", "demo", "--packages", packages.toString(), "--out", outDir.toString(),
        "--docker", docker.toString(), "--base-image", "local/debian:bookworm-minbase", "--network", "host",
        "--image", "askbuild/demo:t", "--print")).isZero();

    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("DOCKER_BUILDKIT=1 " + docker + " build --progress=plain ")
        .contains("--network host --build-arg BASE_IMAGE=local/debian:bookworm-minbase", "--target artifacts");
    assertThat(lines.get(1)).startsWith("DOCKER_BUILDKIT=1 " + docker + " build ")
        .contains("--target runtime", "--tag askbuild/demo:t").doesNotContain("--load", "--output");
  }

  @Test
  void componentsGoToEveryStageAsOneBuildArgumentAndAnUnknownOneIsExitTwoBeforeDocker() throws Exception {
    Path docker = fakeDocker(true, "24.0.7", false);

    assertThat(run("docker", "--board", "demo", "--packages", packages.toString(), "--out", outDir.toString(),
        "--docker", docker.toString(), "--components", "hello,alpha", "--print")).isZero();
    assertThat(out.toString()).contains(" --build-arg BOARD=demo --build-arg COMPONENTS=alpha,hello --build-arg DEV_PACKAGES=");

    out.getBuffer().setLength(0);
    Path neverRun = tmp.resolve("no-docker-here");
    assertThat(run("docker", "--board", "demo", "--packages", packages.toString(), "--out", outDir.toString(),
        "--docker", neverRun.toString(), "--components", "hello,cmm", "--print")).isEqualTo(2);
    assertThat(err.toString()).contains("--components: unknown component 'cmm'; this board's components: alpha, beta, hello, libgreet");
    assertThat(out.toString()).isEmpty();

    assertThat(run("docker", "--board", "demo", "--packages", packages.toString(), "--out", outDir.toString(),
        "--docker", neverRun.toString(), "--components", "alpha, hello", "--print")).isEqualTo(2);
    assertThat(err.toString()).contains("--components: unknown component ' hello'");
  }

  @Test
  void aNewerCliWithoutBuildxIsExitThreeSayingWhatToInstall() throws Exception {
    Path docker = fakeDocker(false, "28.2.2", true);

    assertThat(run("docker", "--board", "demo", "--packages", packages.toString(), "--out", outDir.toString(),
        "--docker", docker.toString(), "--print")).isEqualTo(3);
    assertThat(err.toString()).contains("buildx", "docker-buildx-plugin", "--docker");
  }

  @Test
  void noDaemonIsExitThreeSayingHowToPointAtOne() throws Exception {
    Path docker = fakeDocker(true, "24.0.7", false);

    assertThat(run("docker", "--board", "demo", "--packages", packages.toString(), "--out", outDir.toString(),
        "--docker", docker.toString())).isEqualTo(3);
    assertThat(err.toString()).contains("no Docker daemon answers", "DOCKER_HOST", "Cannot connect");
    assertThat(outDir.resolve("dist")).doesNotExist();
  }

  @Test
  void theRealDockerCliWithoutADaemonIsExitThree() throws Exception {
    // A fresh JVM, for an environment whose DOCKER_HOST leads nowhere; Debian's docker.io CLI (which
    // bin/test installs) named outright, so a newer CLI first on PATH cannot change what is tested.
    assertThat(Path.of("/usr/bin/docker")).isExecutable();
    List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "docker", "--board", "demo",
        "--packages", packages.toString(), "--out", outDir.toString(), "--docker", "/usr/bin/docker"));
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
    pb.environment().put("DOCKER_HOST", "unix://" + tmp.resolve("no-daemon.sock"));
    pb.redirectOutput(tmp.resolve("cli.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    String text = Files.readString(tmp.resolve("cli.txt"));
    assertThat(p.exitValue()).as(text).isEqualTo(3);
    assertThat(text).contains("no Docker daemon answers at DOCKER_HOST=unix://" + tmp.resolve("no-daemon.sock"));
  }

  @Test
  void aSecretIsPrintedAsItsLinkAndItsTarballNeverEntersTheContext() throws Exception {
    Path docker = fakeDocker(true, "24.0.7", false);
    Path secret = Files.writeString(tmp.resolve("confidential-vendor-drop.tar.gz"), "private");
    Files.writeString(packages.resolve("ask-demo.tar.gz"), "a stale public copy");

    assertThat(run("docker", "--board", "demo", "--packages", packages.toString(), "--out", outDir.toString(),
        "--docker", docker.toString(), "--secret", "ask-demo.tar.gz=" + secret, "--print")).isZero();

    Path link = outDir.toAbsolutePath().resolve(".docker-secrets/private1");
    assertThat(out.toString()).contains("--secret id=private1,src=" + link,
        "--build-arg PRIVATE_NAMES=ask-demo.tar.gz").doesNotContain("confidential-vendor-drop");
    assertThat(outDir.resolve(".docker-context/packages/ask-demo.tar.gz")).doesNotExist();
  }

  @Test
  void secretMistakesAreExitTwo() throws Exception {
    Path docker = fakeDocker(true, "24.0.7", true);
    Path f = Files.writeString(tmp.resolve("f"), "x");
    List<String> base = List.of("docker", "--board", "demo", "--packages", packages.toString(), "--out",
        outDir.toString(), "--docker", docker.toString(), "--print");

    List<String> five = new ArrayList<>(base);
    for (String name : List.of("a", "b", "c", "d", "e")) {
      five.add("--secret");
      five.add(name + "=" + f);
    }
    assertThat(run(five.toArray(String[]::new))).isEqualTo(2);
    assertThat(err.toString()).contains("at most 4");

    List<String> noFile = new ArrayList<>(base);
    noFile.addAll(List.of("--secret", "a.tar.gz"));
    assertThat(run(noFile.toArray(String[]::new))).isEqualTo(2);
    assertThat(err.toString()).contains("expected NAME=FILE");
  }

  @Test
  void helpListsTheDockerCommand() {
    assertThat(run("help")).isZero();
    assertThat(out.toString()).contains("docker");
    assertThat(run("docker", "--help")).isZero();
    assertThat(out.toString()).contains("--secret", "--base-image", "--print", "DOCKER_HOST", File.separator);
  }
}
