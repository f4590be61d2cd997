package dev.askbuild.kernel;

import dev.askbuild.core.TrustedFile;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.board.Boards;
import dev.askbuild.core.Progress;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The expensive real-kernel runs, made once per test run and shared by every test class through the
 * engine's own cache under {@code askbuild.test.cache}.
 */
final class TestKernels {
  static final Path TARBALL = Path.of("/usr/src/linux-source-6.12.tar.xz");
  private static TrustedFile trusted;

  /** The tarball as a stage takes it: hashed once per test run, like verification would. */
  static synchronized TrustedFile trustedTarball() throws IOException {
    if (trusted == null) {
      trusted = TrustedFile.hash(TARBALL.getFileName().toString(), TARBALL);
    }
    return trusted;
  }
  static final long EPOCH = 1_700_000_000L;

  private static KernelResult hookTree;
  private static long hookTreeMillis;
  private static KernelResult seedConfig;

  private TestKernels() {}

  static Path cache() {
    return Path.of(System.getProperty("askbuild.test.cache", "target/test-cache")).toAbsolutePath();
  }

  static Path work(String name) throws IOException {
    return Files.createDirectories(cache().resolve("work").resolve(name));
  }

  static Path resource(String name) {
    try {
      return Path.of(TestKernels.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** tinyconfig + the demo board's fragment + our exported-hook patch, fully built. */
  static synchronized KernelResult hookTree() throws IOException {
    if (hookTree == null) {
      long t0 = System.currentTimeMillis();
      hookTree = new KernelStage(ProcessRunner.forBuilds(), Progress.SILENT).run(hookTreeRequest());
      hookTreeMillis = System.currentTimeMillis() - t0;
    }
    return hookTree;
  }

  static long hookTreeMillis() {
    return hookTreeMillis;
  }

  static KernelRequest hookTreeRequest() throws IOException {
    ConfigFragment demo =
        ConfigFragment.parse("demo-kernel.config", Boards.load("demo").fragmentText());
    return KernelRequest.arm64(trustedTarball(), demo, BaseConfig.target("tinyconfig"), work("hook"), cache())
        .withPatches(PatchSeries.of(resource("patches")))
        .withFullBuild(FullBuild.ALWAYS)
        .withEpoch(EPOCH);
  }

  /** The seed fragment (mono-gateway's) on arm64 defconfig, stopped after verification. */
  static synchronized KernelResult seedConfig() throws IOException {
    if (seedConfig == null) {
      seedConfig = new KernelStage(ProcessRunner.forBuilds(), Progress.SILENT).run(seedRequest());
    }
    return seedConfig;
  }

  static KernelRequest seedRequest() throws IOException {
    return KernelRequest.arm64(trustedTarball(), seedFragment(), BaseConfig.target("defconfig"), work("seed"), cache())
        .withConfigOnly(true)
        .withEpoch(EPOCH);
  }

  static ConfigFragment seedFragment() throws IOException {
    String seed = Boards.load("mono-gateway").fragmentText();
    String prerequisites = Files.readString(resource("seed-prerequisites.config"));
    return ConfigFragment.parse("seed+prerequisites", prerequisites + seed);
  }
}
