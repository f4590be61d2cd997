package dev.askbuild.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.board.Boards;
import dev.askbuild.cache.CacheStore;
import dev.askbuild.cache.CompilerCache;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Sha256;
import dev.askbuild.fixture.DemoKernel;
import dev.askbuild.fixture.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The demo kernel of the test run, carried into an empty cache by {@code cache export}/{@code
 * import}, then rebuilt for real: with one symbol more (incrementally from the imported tree), and
 * back to the demo's own settings under another key (incrementally from the one-symbol tree, the
 * demo's entry gone), which must give the bytes of the cold build. A file changed in a published
 * entry is found and that entry rebuilt. No cold kernel build besides the run's shared one.
 */
class IncrementalRebuildTest {
  private static final String ONE_MORE = "CONFIG_PRINTK_TIME=y\n";

  @Test
  void rebuildsFromTheNearestTreeAndGivesTheBytesOfABuildFromNothing() throws Exception {
    KernelResult cold = DemoKernel.prepared();
    Map<String, String> coldBytes = SharedCacheBuildTest.artifacts(cold.treePath());
    String coldId = cold.treePath().getParent().getFileName().toString();
    Path root = Files.createDirectories(Fixtures.cache().resolve("work").resolve("incremental-" + UUID.randomUUID()));
    try {
      // A fresh agent's cache, filled by import: the same request hits it.
      CacheStore shared = new CacheStore(Fixtures.cache());
      shared.export(shared.find(coldId), root.resolve("kernel-entry.tar"));
      Path cache = root.resolve("cache");
      CacheStore.Imported imported = new CacheStore(cache).importFrom(root.resolve("kernel-entry.tar"));
      assertThat(imported.alreadyPresent()).isFalse();
      KernelResult hit = run(demoFragment(""), root.resolve("w-hit"), cache);
      assertThat(hit.cacheHit()).as("a build on the imported cache hits it").isTrue();

      // One symbol more: a new entry, made from the imported tree, a small share of the objects.
      KernelResult more = run(demoFragment(ONE_MORE), root.resolve("w-more"), cache);
      assertThat(more.cacheHit()).isFalse();
      assertThat(more.messages()).anyMatch(l -> l.startsWith("kernel: rebuilding incrementally from cache entry " + coldId));
      assertThat(more.messages()).noneMatch(l -> l.startsWith("kernel: extracted "));
      assertThat(Files.readString(more.treePath().resolve(".config"))).contains("\nCONFIG_PRINTK_TIME=y\n");
      assertThat(more.objects()).isPositive().isLessThan(cold.objects() / 4);
      Map<String, String> moreBytes = SharedCacheBuildTest.artifacts(more.treePath());
      assertThat(moreBytes.get("vmlinux")).isNotEqualTo(coldBytes.get("vmlinux"));
      String moreId = more.treePath().getParent().getFileName().toString();

      // Back to the demo's settings under another key, the demo's entry gone: made from the
      // one-symbol tree, it must hold what the build from the tarball made.
      FileTrees.deleteRecursively(cache.resolve("kernel").resolve(coldId));
      KernelResult back = run(demoFragment("# the demo's settings again, under another cache key\n"), root.resolve("w-back"), cache);
      assertThat(back.cacheHit()).isFalse();
      assertThat(back.messages()).anyMatch(l -> l.startsWith("kernel: rebuilding incrementally from cache entry " + moreId));
      assertThat(SharedCacheBuildTest.artifacts(back.treePath())).isEqualTo(coldBytes).hasSizeGreaterThan(6);
      assertThat(Sha256.ofFile(back.treePath().resolve("Module.symvers")))
          .isEqualTo(cold.manifest().moduleSymversSha256());

      // A published entry with one file changed is not trusted: found, then rebuilt.
      Path changed = more.treePath().resolve("init/main.o");
      long size = Files.size(changed);
      Files.write(changed, new byte[] {0}, StandardOpenOption.APPEND);
      KernelResult again = run(demoFragment(ONE_MORE), root.resolve("w-again"), cache);
      assertThat(again.cacheHit()).isFalse();
      assertThat(again.messages()).anyMatch(l -> l.startsWith("warning: kernel: cache entry " + moreId
          + " changed after it was published, rebuilding it") && l.contains("tree/init/main.o"));
      assertThat(again.messages()).anyMatch(l -> l.startsWith("kernel: rebuilding incrementally from cache entry "));
      assertThat(SharedCacheBuildTest.artifacts(again.treePath())).isEqualTo(moreBytes);
      assertThat(Files.size(again.treePath().resolve("init/main.o"))).isEqualTo(size);
    } finally {
      FileTrees.deleteQuietly(root);
    }
  }

  private static String demoFragment(String extra) throws IOException {
    return Boards.load("demo").fragmentText() + extra;
  }

  private static KernelResult run(String fragment, Path work, Path cache) throws IOException {
    BoardProfile demo = Boards.load("demo");
    KernelRequest request = KernelRequest.arm64(TestKernels.trustedTarball(),
            ConfigFragment.parse("board demo kernel.config", fragment),
            BaseConfig.parse(demo.kernel().baseConfig()), work, cache)
        .withEpoch(Fixtures.EPOCH)
        .withCompilerCache(CompilerCache.in(Fixtures.cache()));
    return new KernelStage(ProcessRunner.forBuilds(), dev.askbuild.core.Progress.SILENT).run(request);
  }
}
