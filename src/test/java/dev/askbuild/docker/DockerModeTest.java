package dev.askbuild.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.askbuild.cli.Main;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Sha256;
import dev.askbuild.fixture.Fixtures;
import dev.askbuild.job.DemoInputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The demo board in docker mode against a real daemon (DOCKER_HOST, as {@code .ci/with-docker}
 * sets it, with the local base image it makes): end to end, cached, byte-identical to native, a
 * secret that leaves no trace, a tampered tarball, no emulation. The builds share one daemon and
 * build cache, so they run in order; the first is the cold one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerModeTest {
  static final String RUNTIME_TAG = "askbuild-test/demo-runtime:latest";
  
  Path root;
  Path packages;
  String docker;
  String baseImage;
  DockerResult cold;
  DockerResult warm;
  double coldSeconds;
  Path publicPackages;
  Path secret;
  String secretName;
  byte[] secretBytes;
  double warmSeconds;
  /** The compiler cache sent to the daemon: the run's own, until the warm build changes it. */
  Path seed;
  final List<DockerResult> all = new ArrayList<>();

  @BeforeAll
  void daemonAndInputs() throws Exception {
    String host = System.getenv("DOCKER_HOST");
    if (host == null || host.isBlank()) {
      fail("DOCKER_HOST is not set: run the tests under .ci/with-docker, which starts a daemon and makes the base image");
    }
    baseImage = Optional.ofNullable(System.getenv("ASKBUILD_TEST_BASE_IMAGE")).orElse("local/debian:bookworm-minbase");
    docker = Optional.ofNullable(System.getenv("ASKBUILD_DOCKER")).orElse("docker");
    ProcessRunner runner = ProcessRunner.inheritingEnvironment();
    new DockerProbe(runner, System.getenv()).requireDaemon(docker);
    root = Files.createDirectories(Path.of("target/docker-mode-test").toAbsolutePath());
    FileTrees.deleteRecursively(root);
    Files.createDirectories(root);
    DemoInputs.Generated demo = DemoInputs.prepare(Fixtures.cache());
    packages = PackagesDir.gather(demo.packages(), demo.elsewhere(), root.resolve("packages"));
    // The demo kernel built natively first (a hit when an earlier class of the run built it), so the
    // compiler cache sent to the daemon holds its compiles whatever order the classes run in.
    buildNatively("the native demo kernel", root.resolve("native-kernel"), "--stages", "verify,kernel");
    seed = Fixtures.cache().resolve("ccache");
  }

  /** {@code askbuild build} of the demo's packages into {@code out} on the run's cache; it must pass. */
  private void buildNatively(String what, Path out, String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("build", "--board", "demo", "--packages", packages.toString(), "--out",
        out.toString(), "--cache", Fixtures.cache().toString()));
    args.addAll(List.of(options));
    java.io.StringWriter text = new java.io.StringWriter();
    java.io.PrintWriter writer = new java.io.PrintWriter(text);
    int code = Main.run(args.toArray(String[]::new), writer, writer);
    assertThat(code).as(what + ":\n" + text).isZero();
  }

  private DockerResult build(Path out, Path inputs, List<PrivateInput> privates, Optional<String> tag)
      throws IOException {
    // The run's compiler cache as the daemon's first: the demo kernel compiled natively once per run
    // is not compiled again inside the image (a fresh daemon, as in CI, has no cache of its own).
    DockerRequest request = new DockerRequest("demo", List.of(), inputs, out, privates, List.of(), TestClasspath.engine(),
        Optional.of(baseImage), tag, Optional.of("host"), docker).withCcacheSeed(seed);
    ProcessRunner runner = ProcessRunner.inheritingEnvironment();
    DockerResult result = new DockerBuild(runner, new DockerProbe(runner, System.getenv())).run(request);
    all.add(result);
    return result;
  }

  /**
   * The cold build is the demo end to end with its ASK tarball as a private input, as a real board's
   * would be: one kernel build serves the cold, warm and secret checks. The board pins that
   * tarball's hash, so the secret is the genuine tarball under a telling name; its content is
   * recognised by a run of its compressed bytes, which no build output holds.
   */
  @Test
  @Order(1)
  void coldBuildWithThePrivateTarballAsASecretRunsEveryStageAndExportsTheResults() throws Exception {
    secretName = "vendor-drop-" + UUID.randomUUID() + ".tar.gz";
    secret = Files.createDirectories(root.resolve("secret-inputs")).resolve(secretName);
    Files.copy(packages.resolve("ask-demo.tar.gz"), secret);
    byte[] bytes = Files.readAllBytes(secret);
    secretBytes = Arrays.copyOfRange(bytes, bytes.length / 2 - 24, bytes.length / 2 + 24);
    // The public packages: all but the ASK tarball (SHA256SUMS still lists it).
    publicPackages = Files.createDirectories(root.resolve("public-packages"));
    for (String name : List.of("SHA256SUMS", "libdemo-1.0.tar.gz", "linux-source-6.12.tar.xz")) {
      Files.createLink(publicPackages.resolve(name), packages.resolve(name));
    }

    long t = System.nanoTime();
    cold = build(root.resolve("cold"), publicPackages, privates(), Optional.of(RUNTIME_TAG));
    coldSeconds = (System.nanoTime() - t) / 1e9;
    Figures.record("cold build (s)", coldSeconds);
    Figures.record("context", cold.contextSize().orElse("?"));
    cold.stages().forEach(s -> Figures.record("cold " + s.stage() + " (s)", s.seconds()));

    assertThat(cold.exitCode()).as(cold.error().orElse("")).isZero();
    assertThat(cold.stages()).extracting(DockerStageRun::stage).containsExactlyElementsOf(BuildLog.STAGES);
    assertThat(cold.stages()).as("a fresh daemon (.ci/with-docker) runs every stage; a warm one would hide them")
        .allMatch(s -> s.state().equals("ok"));
    Path out = root.resolve("cold");
    assertThat(cold.artifacts()).containsOnlyKeys("alpha.ko", "beta.ko", "hello", "libgreet.so.1");
    assertThat(out.resolve("reports/checks.xml")).content().contains("beta.ko");
    assertThat(out.resolve("manifest.json")).content().contains("\"board\" : \"demo\"", "\"mode\" : \"docker\"",
        "\"command\" : \"kernel\"");
    assertThat(out.resolve("logs/docker.log")).content().contains("askbuild-result: ");
    assertThat(out.resolve("logs/kernel.log")).content().as("the image compiles through ccache, in its cache mount")
        .contains("kernel: compiler cache /cache/kernel/ccache").doesNotContain("ccache is not installed");
    assertThat(out.resolve(".docker-context")).doesNotExist();
    assertThat(out.resolve(".docker-secrets")).doesNotExist();
  }

  private List<PrivateInput> privates() {
    return List.of(new PrivateInput("ask-demo.tar.gz", secret));
  }

  @Test
  @Order(2)
  void secondBuildWithUnchangedInputsReusesTheCachedSysrootAndKernel() throws Exception {
    // A seed that holds one file more: what it holds is no input of the kernel stage, which stays cached.
    Path changedSeed = root.resolve("changed-seed");
    ProcessRunner.inheritingEnvironment().runChecked(dev.askbuild.core.Command.of(root, "cp", "-a", seed.toString(),
        changedSeed.toString()), root.resolve("copy-seed.log"), "copying the compiler cache");
    Files.writeString(Files.createDirectories(changedSeed.resolve("f/f")).resolve("askbuild-test-extraR"), "one more");
    seed = changedSeed;
    long t = System.nanoTime();
    warm = build(root.resolve("warm"), publicPackages, privates(), Optional.empty());
    warmSeconds = (System.nanoTime() - t) / 1e9;

    assertThat(warm.exitCode()).as(warm.error().orElse("")).isZero();
    Map<String, String> states = new TreeMap<>();
    warm.stages().forEach(s -> states.put(s.stage(), s.state()));
    assertThat(states).as("with a changed compiler cache seed").containsEntry("sysroot", "cached")
        .containsEntry("kernel", "cached");
    assertThat(warm.artifacts()).isEqualTo(cold.artifacts());
    double ratio = warmSeconds / coldSeconds;
    Figures.record("warm build (s)", warmSeconds);
    Figures.record("warm/cold", ratio);
    assertThat(ratio).as("warm %.1f s against cold %.1f s", warmSeconds, coldSeconds).isLessThan(0.5);
  }

  @Test
  @Order(3)
  void exportedDistIsByteIdenticalToTheNativeBuildOfTheSameInputs() throws Exception {
    Path nativeOut = root.resolve("native");
    buildNatively("native build of the same inputs", nativeOut);

    Path dockerDist = root.resolve("cold/dist");
    Path nativeDist = nativeOut.resolve("dist");
    Map<String, String> docker = sums(dockerDist);
    Map<String, String> nat = sums(nativeDist);
    assertThat(docker.keySet()).isEqualTo(nat.keySet());
    List<String> differences = new ArrayList<>();
    for (String name : nat.keySet()) {
      if (!nat.get(name).equals(docker.get(name))) {
        differences.add(ByteDifference.explain(name, nativeDist.resolve(name), dockerDist.resolve(name),
            nativeOut.resolve("reports/provenance.json"), root.resolve("cold/reports/provenance.json")));
      }
    }
    assertThat(differences).as("files of dist/ that differ between native and docker mode").isEmpty();
  }

  @Test
  @Order(4)
  void thePrivateTarballLeftNoTraceInImagesHistoryLayersLogOrExport() throws Exception {
    List<byte[]> needles = List.of(secretBytes, secretName.getBytes(StandardCharsets.UTF_8));
    Traces traces = new Traces(docker, needles);
    traces.command("docker history --no-trunc", docker, "history", "--no-trunc", RUNTIME_TAG);
    traces.command("docker image inspect", docker, "image", "inspect", RUNTIME_TAG);
    traces.everyImageSaved(root.resolve("saved"));
    for (String run : List.of("cold", "warm")) {
      traces.file(root.resolve(run).resolve("logs/docker.log"));
      traces.tree(root.resolve(run));
    }
    assertThat(traces.found()).as("places holding the secret's content or name").isEmpty();
    assertThat(traces.looked()).as("what was searched").anyMatch(l -> l.startsWith("docker save"))
        .anyMatch(l -> l.endsWith("docker.log")).anyMatch(l -> l.endsWith("hello"));
  }

  @Test
  @Order(5)
  void aTamperedVendoredTarballFailsWithExitOneNamingItAndNothingIsExported() throws Exception {
    Path inputs = Files.createDirectories(root.resolve("tampered-packages"));
    for (String name : List.of("SHA256SUMS", "ask-demo.tar.gz", "linux-source-6.12.tar.xz")) {
      Files.createLink(inputs.resolve(name), packages.resolve(name));
    }
    byte[] lib = Files.readAllBytes(packages.resolve("libdemo-1.0.tar.gz"));
    lib[lib.length / 2] ^= 0x01;
    Files.write(inputs.resolve("libdemo-1.0.tar.gz"), lib);

    Path out = root.resolve("tampered");
    DockerResult result = build(out, inputs, List.of(), Optional.empty());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).startsWith("verify: ").contains("libdemo-1.0.tar.gz"));
    assertThat(result.stages()).filteredOn(s -> !s.stage().equals("verify")).allMatch(s -> s.state().equals("not run"));
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("logs");
    }
    assertThat(out.resolve("logs")).isDirectoryContaining(p -> p.getFileName().toString().equals("docker.log"));
  }

  @Test
  @Order(6)
  void noStageRanUnderEmulationAndTheArtifactsAreArm64() throws Exception {
    String host = Fixtures.run("uname", "-m").strip();
    Map<String, String> machines = new TreeMap<>();
    all.forEach(r -> machines.putAll(r.machines()));
    assertThat(machines.keySet()).as("every stage ran at least once in these builds").containsAll(BuildLog.STAGES);
    assertThat(machines).allSatisfy((stage, machine) -> assertThat(machine).as(stage).isEqualTo(host));
    for (Path elf : List.of(root.resolve("cold/dist/hello"), root.resolve("cold/dist/alpha.ko"),
        root.resolve("cold/dist/libgreet.so.1"))) {
      byte[] header = Arrays.copyOf(Files.readAllBytes(elf), 20);
      assertThat((header[18] & 0xff) | (header[19] & 0xff) << 8).as(elf + " e_machine").isEqualTo(183);
    }
    assertThat(Fixtures.run(docker, "image", "inspect", "--format", "{{.Os}}/{{.Architecture}}", RUNTIME_TAG).strip())
        .isEqualTo("linux/arm64");
    Figures.record("runtime image", Fixtures.run(docker, "image", "inspect", "--format", "{{.Size}}", RUNTIME_TAG).strip());
    Figures.write(root.resolve("figures.txt"));
  }

  private static Map<String, String> sums(Path dir) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        sums.put(dir.relativize(p).toString(), Sha256.ofFile(p));
      }
    }
    return sums;
  }

  /** Where a secret could have been left: command outputs, every image's layers, files. */
  static final class Traces {
    private final String docker;
    private final List<byte[]> needles;
    private final List<String> found = new ArrayList<>();
    private final List<String> looked = new ArrayList<>();

    Traces(String docker, List<byte[]> needles) {
      this.docker = docker;
      this.needles = needles;
    }

    void command(String what, String... argv) throws Exception {
      check(what, Fixtures.run(argv).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code docker save} of every image the daemon holds, each layer read. */
    void everyImageSaved(Path dir) throws Exception {
      Files.createDirectories(dir);
      String ids = Fixtures.run(docker, "images", "--all", "--quiet", "--no-trunc");
      for (String id : ids.lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList()) {
        Path tar = dir.resolve(id.replace(':', '-') + ".tar");
        Fixtures.run(docker, "save", "--output", tar.toString(), id);
        readTar("docker save " + id, Files.newInputStream(tar));
        Files.delete(tar);
      }
    }

    private void readTar(String what, InputStream in) throws IOException {
      try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
          check(what + ":" + e.getName() + " (name)", e.getName().getBytes(StandardCharsets.UTF_8));
          if (e.isFile()) {
            byte[] content = tar.readAllBytes();
            check(what + ":" + e.getName(), content);
            if (e.getName().endsWith(".tar") || e.getName().endsWith("/layer.tar")) {
              readTar(what + ":" + e.getName(), new java.io.ByteArrayInputStream(content));
            }
          }
        }
      }
    }

    void file(Path p) throws IOException {
      check(p.toString(), Files.readAllBytes(p));
    }

    void tree(Path dir) throws IOException {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.toList()) {
          check(p + " (name)", p.toString().getBytes(StandardCharsets.UTF_8));
          if (Files.isRegularFile(p)) {
            file(p);
          }
        }
      }
    }

    private void check(String where, byte[] haystack) {
      looked.add(where);
      for (byte[] needle : needles) {
        if (indexOf(haystack, needle) >= 0) {
          found.add(where + " holds " + (needle.length == 48 ? "the secret's bytes" : new String(needle, StandardCharsets.UTF_8)));
        }
      }
    }

    List<String> found() {
      return found;
    }

    List<String> looked() {
      return looked;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
      outer:
      for (int i = 0; i <= haystack.length - needle.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (haystack[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }

  /** The measured figures, printed and written beside the test's outputs for the README. */
  static final class Figures {
    private static final Map<String, String> FIGURES = new TreeMap<>();

    static void record(String name, Object value) {
      String text = value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value);
      FIGURES.put(name, text);
      System.out.println("docker-mode figure: " + name + " = " + text);
    }

    static void write(Path file) throws IOException {
      StringBuilder sb = new StringBuilder();
      FIGURES.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
      Files.writeString(file, sb);
    }
  }
}
