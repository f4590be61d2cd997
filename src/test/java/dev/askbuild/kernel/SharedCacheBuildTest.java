package dev.askbuild.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.board.Boards;
import dev.askbuild.cache.CompilerCache;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Sha256;
import dev.askbuild.fixture.DemoKernel;
import dev.askbuild.fixture.Fixtures;
import dev.askbuild.fixture.RecordedLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The demo board's kernel built for real into an empty stage cache by two runs at once, with the
 * test run's compiler cache (warm from the demo kernel's own build): one builds, showing its progress,
 * the other waits on the lock and hits; the warm tree has the cold tree's bytes. It builds the demo
 * kernel a second time from the tarball: the compiler cache answers its compiles, but extraction,
 * configuration, links and the manifest still cost about 3.5 minutes (216 s at stop 28), which
 * {@code bench/longbuild.sh} covers on the command line, so it is left out of the default run
 * (pom.xml: askbuild.test.exclude; -Daskbuild.test.exclude=none runs it).
 */
@org.junit.jupiter.api.Tag("second-kernel")
class SharedCacheBuildTest {
  private static final Pattern STATUS =
      Pattern.compile("kernel: full build: (\\d+)/~?(\\d+) objects \\((\\d+) %\\).*");

  @Test
  void twoRunsOnAnEmptySharedCacheBuildOnceWithProgressAndTheWarmTreeHasTheColdTreesBytes() throws Exception {
    KernelResult cold = DemoKernel.prepared();
    Path shared = Fixtures.cache().resolve("work").resolve("shared-" + UUID.randomUUID());
    BoardProfile demo = Boards.load("demo");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<RecordedLines> said = List.of(new RecordedLines(), new RecordedLines());
      List<Future<KernelResult>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        RecordedLines progress = said.get(i);
        KernelRequest request = KernelRequest.arm64(TestKernels.trustedTarball(),
                ConfigFragment.parse("board demo kernel.config", demo.fragmentText()),
                BaseConfig.parse(demo.kernel().baseConfig()), shared.resolve("work-" + i), shared.resolve("cache"))
            .withEpoch(Fixtures.EPOCH)
            .withCompilerCache(CompilerCache.in(Fixtures.cache()));
        runs.add(pool.submit(() -> new KernelStage(ProcessRunner.forBuilds(), progress).run(request)));
      }
      List<KernelResult> results = new ArrayList<>();
      for (Future<KernelResult> run : runs) {
        results.add(run.get());
      }
      int builder = results.get(0).cacheHit() ? 1 : 0;
      int waiter = 1 - builder;
      KernelResult built = results.get(builder);
      assertThat(built.cacheHit()).isFalse();
      assertThat(results.get(waiter).cacheHit()).as("the second run waited, then hit").isTrue();
      assertThat(results.get(waiter).tree()).isEqualTo(built.tree());
      assertThat(said.get(waiter).lines).anyMatch(l -> l.startsWith("kernel: waiting for pid "));

      // Progress: the live log named up front, then counts that rise to the make's object total.
      RecordedLines progress = said.get(builder);
      Path log = shared.resolve("work-" + builder).resolve("logs/kernel-make.log").toAbsolutePath();
      assertThat(progress.lines).anyMatch(l -> l.startsWith("kernel: full build, expecting about ")
          && l.contains("from an estimate from the config's") && l.endsWith("; live log: " + log));
      List<int[]> counts = new ArrayList<>();
      // The make's counts; the steps around it (extraction, hashing) have heartbeats of their own.
      for (String line : progress.statuses.stream().filter(l -> l.startsWith("kernel: full build: ")).toList()) {
        Matcher m = STATUS.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        counts.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3))});
      }
      assertThat(counts).hasSizeGreaterThan(2);
      for (int i = 1; i < counts.size(); i++) {
        assertThat(counts.get(i)[0]).isGreaterThan(counts.get(i - 1)[0]);
        assertThat(counts.get(i)[1]).isGreaterThanOrEqualTo(counts.get(i - 1)[1]);
      }
      assertThat(counts.get(counts.size() - 1)[1]).isGreaterThan(counts.get(0)[1]);
      long inLog;
      try (Stream<String> lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
        inLog = lines.filter(l -> BuildProgress.OBJECT.matcher(l).matches()).count();
      }
      assertThat(built.objects()).isEqualTo((int) inLog).isGreaterThan(500);
      assertThat(counts.get(counts.size() - 1)[0]).isLessThanOrEqualTo(built.objects());
      assertThat(progress.lines).anyMatch(l -> l.startsWith("kernel: full build done in ")
          && l.contains(", " + built.objects() + " objects, "));

      // The warm build (its compiles answered by ccache) made the cold tree's bytes.
      assertThat(artifacts(built.treePath())).isEqualTo(artifacts(cold.treePath())).hasSizeGreaterThan(4);
    } finally {
      pool.shutdownNow();
      FileTrees.deleteQuietly(shared);
    }
  }

  /** The files a module build and the check read, and the boot image, by hash. */
  static Map<String, String> artifacts(Path tree) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    for (String name : List.of(".config", "Module.symvers", "vmlinux", "arch/arm64/boot/Image", "System.map",
        "include/generated/utsrelease.h", "include/generated/autoconf.h")) {
      hashes.put(name, Sha256.ofFile(tree.resolve(name)));
    }
    try (Stream<Path> walk = Files.walk(tree)) {
      for (Path ko : walk.filter(p -> p.toString().endsWith(".ko")).toList()) {
        hashes.put(tree.relativize(ko).toString(), Sha256.ofFile(ko));
      }
    }
    return hashes;
  }
}
