package dev.askbuild.kernel;

import dev.askbuild.core.ProcessRunner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.board.Boards;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A run killed mid-way (SIGKILL, no cleanup code runs) must never leave a trusted cache entry. */
class KilledRunTest {
  @Test
  void killedRunLeavesNoValidEntryAndTheNextRunRebuilds() throws Exception {
    Path root = TestKernels.work("killed");
    FileTrees.deleteRecursively(root);
    Path cache = root.resolve("cache");
    Path fragment = Files.createDirectories(root).resolve("demo.config");
    Files.writeString(fragment, Boards.load("demo").fragmentText());

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "dev.askbuild.cli.Main", "kernel",
                "--kernel-tar", TestKernels.TARBALL.toString(),
                "--fragment", fragment.toString(),
                "--base-config", "tinyconfig",
                "--config-only",
                "--epoch", "42",
                "--work", root.resolve("work").toString(),
                "--cache", cache.toString())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("child.log").toFile())
            .start();
    try {
      waitForStaging(cache.resolve("kernel"), child);
      Thread.sleep(3000); // well inside the extraction, which takes tens of seconds
    } finally {
      child.descendants().forEach(ProcessHandle::destroyForcibly);
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }

    List<Path> entries = list(cache.resolve("kernel"));
    assertThat(entries).isNotEmpty().allSatisfy(p -> assertThat(KernelStage.isValidEntry(p)).isFalse());

    KernelRequest same =
        KernelRequest.arm64(
                TestKernels.trustedTarball(),
                dev.askbuild.kernel.ConfigFragment.parse(fragment.toString(), Files.readString(fragment)),
                BaseConfig.target("tinyconfig"),
                root.resolve("work"),
                cache)
            .withConfigOnly(true)
            .withEpoch(42);
    java.util.List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
    Progress recorder = new Progress() {
      @Override
      public void info(String line) {
        said.add(line);
      }

      @Override
      public void warn(String line) {
        said.add(line);
      }
    };
    long t0 = System.nanoTime();
    KernelResult rerun = new KernelStage(ProcessRunner.forBuilds(), recorder).run(same);

    assertThat(rerun.cacheHit()).isFalse();
    assertThat(rerun.treePath().resolve(".config")).isRegularFile();
    // The killed run held the entry's lock: taken over at once (its pid is gone), its partial tree removed.
    assertThat(said.get(0)).startsWith("kernel: took over the stale lock ").contains("pid " + child.pid())
        .endsWith("(its process is gone)");
    assertThat(said).contains("kernel: removed 1 partial tree(s) of killed runs");
    assertThat(list(cache.resolve("kernel"))).extracting(p -> p.getFileName().toString())
        .noneMatch(n -> n.contains(".partial-") || n.endsWith(".lock"));
    FileTrees.deleteRecursively(root);
  }

  private static void waitForStaging(Path dir, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new AssertionError("the child run ended before it could be killed");
      }
      if (list(dir).stream().anyMatch(p -> p.getFileName().toString().contains(".partial-"))) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no staging directory appeared under " + dir);
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
