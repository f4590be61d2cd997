package dev.askbuild.sysroot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.cache.EntryLock;
import dev.askbuild.cache.EntryManifest;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.fixture.RecordedLines;
import dev.askbuild.core.Sha256;
import dev.askbuild.core.Toolchain;
import dev.askbuild.fixture.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sysroot cache as a shared cache must be: real sysroots of Debian's cross libc alone (the
 * cheapest real entry), each test on a cache of its own. A changed entry is rebuilt, two runs that
 * miss one entry build it once, an entry from before manifests is adopted.
 */
class SysrootCacheTest {
  /** A header every glibc sysroot has, from Debian's cross libc. */
  private static final String HEADER = "usr/include/stdio.h";

  @TempDir Path work;

  private SysrootRequest request(Path runWork) {
    return new SysrootRequest(Toolchain.arm64(), List.of(), List.of(), runWork, work.resolve("cache"), Fixtures.EPOCH, 2);
  }

  private SysrootResult run(Path runWork, Progress progress) throws IOException {
    return new SysrootStage(ProcessRunner.inheritingEnvironment(), progress).run(request(runWork));
  }

  @Test
  void aSysrootWhoseFileChangedAfterPublishingIsNamedAndRebuiltWithTheOriginalBytes() throws Exception {
    SysrootResult first = run(work, Progress.SILENT);
    assertThat(first.cacheHit()).isFalse();
    Path header = first.path().resolve(HEADER);
    String published = Sha256.ofFile(header);
    Files.write(header, new byte[] {'\n'}, StandardOpenOption.APPEND);
    assertThat(Sha256.ofFile(header)).isNotEqualTo(published);

    RecordedLines said = new RecordedLines();
    SysrootResult again = run(work, said);

    assertThat(again.cacheHit()).as("a changed entry is no hit").isFalse();
    assertThat(again.path()).isEqualTo(first.path());
    assertThat(Sha256.ofFile(again.path().resolve(HEADER))).isEqualTo(published);
    String warning = "warning: sysroot: cache entry " + first.path() + " changed after it was published, rebuilding it: "
        + HEADER + ": size ";
    assertThat(said.lines).anyMatch(l -> l.startsWith(warning));
    assertThat(again.messages()).anyMatch(l -> l.startsWith(warning));
    assertThat(said.lines).anyMatch(l -> l.startsWith("sysroot: published " + first.path()));
    // The changed entry was moved aside and deleted, not left beside the new one.
    assertThat(names(work.resolve("cache"))).noneMatch(n -> n.contains(".partial-"));
    assertThat(EntryManifest.verify(again.path(), true)).isEmpty();
  }

  @Test
  void twoRunsMissingTheSameSysrootAtOnceBuildItOnceAndTheOtherWaitsThenHits() throws Exception {
    // The builder holds the lock until the other run says it waits for it, so the two really overlap
    // (without the lock both build, both stall here a minute, and the assertions below fail).
    CountDownLatch someoneWaits = new CountDownLatch(1);
    List<RecordedLines> said = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      said.add(new RecordedLines() {
        @Override
        public void info(String line) {
          super.info(line);
          if (line.startsWith("sysroot: waiting for ")) {
            someoneWaits.countDown();
          }
          if (line.startsWith("sysroot: cache miss")) {
            try {
              someoneWaits.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        }
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<SysrootResult> results = new ArrayList<>();
    try {
      List<Future<SysrootResult>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Path runWork = Files.createDirectories(work.resolve("work-" + i));
        RecordedLines progress = said.get(i);
        runs.add(pool.submit(() -> run(runWork, progress)));
      }
      for (Future<SysrootResult> run : runs) {
        results.add(run.get(5, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(results).extracting(SysrootResult::cacheHit).containsExactlyInAnyOrder(false, true);
    int builder = results.get(0).cacheHit() ? 1 : 0;
    int waiter = 1 - builder;
    assertThat(results.get(waiter).path()).isEqualTo(results.get(builder).path());
    assertThat(said.get(builder).lines).anyMatch(l -> l.startsWith("sysroot: cache miss, building "))
        .noneMatch(l -> l.startsWith("sysroot: waiting for "));
    assertThat(said.get(waiter).lines).anyMatch(l -> l.startsWith("sysroot: waiting for pid "))
        .anyMatch(l -> l.startsWith("sysroot: cache hit " + results.get(builder).path()))
        .noneMatch(l -> l.startsWith("sysroot: cache miss"));
    // The wait is in the waiter's own messages too, so its stage log says where the time went.
    assertThat(results.get(waiter).messages()).anyMatch(l -> l.startsWith("sysroot: waiting for pid "));
    // One entry, its lock released, no partial sysroot left.
    Path entry = results.get(builder).path();
    assertThat(EntryLock.fileFor(entry)).doesNotExist();
    assertThat(names(work.resolve("cache"))).noneMatch(n -> n.contains(".partial-"))
        .filteredOn(n -> n.startsWith("sysroot-")).containsExactly(entry.getFileName().toString());
  }

  @Test
  void aSysrootPublishedBeforeManifestsIsAHitAndGetsOne() throws Exception {
    SysrootResult first = run(work, Progress.SILENT);
    Path manifest = first.path().resolve(EntryManifest.FILE);
    assertThat(manifest).isRegularFile();
    Files.delete(manifest);

    RecordedLines said = new RecordedLines();
    SysrootResult again = run(work, said);

    assertThat(again.cacheHit()).isTrue();
    assertThat(again.path()).isEqualTo(first.path());
    assertThat(said.lines).anyMatch(l -> l.equals("sysroot: cache hit " + first.path()
        + "; it predates entry manifests, so one was recorded now"));
    assertThat(manifest).isRegularFile();
    List<String> recorded = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    assertThat(recorded).anyMatch(l -> l.endsWith("  " + HEADER))
        .anyMatch(l -> l.endsWith("  " + SysrootStage.COMPLETE_MARKER));
    assertThat(EntryManifest.verify(again.path(), true)).isEmpty();

    // The next hit is checked against the manifest recorded now.
    RecordedLines next = new RecordedLines();
    assertThat(run(work, next).cacheHit()).isTrue();
    assertThat(next.lines).contains("sysroot: cache hit " + first.path() + "; its files match its manifest");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
