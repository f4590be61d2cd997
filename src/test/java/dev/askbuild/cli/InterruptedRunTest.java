package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.core.FileTrees;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.core.Sha256;
import dev.askbuild.fixture.Fixtures;
import dev.askbuild.job.BoardJob;
import dev.askbuild.job.JobRequest;
import dev.askbuild.job.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, defect 2: SIGTERM to the askbuild JVM alone (a CI timeout, a Jenkins abort, {@code kill
 * PID}) during a real make stops the whole tree, removes the run's staging, records the stage as
 * interrupted and exits 143; the rerun is green with the same bytes.
 */
class InterruptedRunTest {
  /**
   * The guard's grace and reaping (5 s each) plus removing the staging: a freshly extracted kernel
   * tree is ~90,000 files, seconds on an idle disk, a minute or more on a loaded machine.
   */
  private static final long STOP_SECONDS = 300;

  @Test
  void sigtermDuringTheCompileStagesMakeStopsEveryProcessAndTheRerunMatches(@TempDir Path dir) throws Exception {
    Path cache = Fixtures.cache();
    Path out = dir.resolve("out");
    JobRequest request = JobRequest.of("demo", Optional.empty(), out, cache);
    BoardJob job = BoardJob.open(request, ProcessRunner.forBuilds(), Progress.SILENT);
    for (Stage stage : List.of(Stage.VERIFY, Stage.SYSROOT, Stage.KERNEL, Stage.COMPILE)) {
      job.run(stage);
    }
    Map<String, String> reference = hashes(out.resolve("dist"));
    Set<String> partialsBefore = partials(cache);

    Signalled run = Signalled.start(dir.resolve("child.log"), "compile", "--board", "demo", "--out", out.toString(),
        "--cache", cache.toString());
    run.sigtermWhen(() -> run.descendantNamed("make"));

    assertThat(run.exitCode()).as(run.log()).isEqualTo(143);
    assertThat(run.alive(dir)).as("processes of the run still alive after SIGTERM").isEmpty();
    assertThat(partials(cache)).as("staging left in the cache").isSubsetOf(partialsBefore);
    assertThat(partials(out)).isEmpty();
    assertThat(out.resolve("logs/compile.log")).content().contains("compile: interrupted by SIGTERM");
    assertThat(out.resolve("state/compile.json")).content().contains("\"status\" : \"interrupted\"", "SIGTERM");
    assertThat(run.log()).contains("interrupted by SIGTERM").doesNotContain("Exception");

    StringWriterPair again = StringWriterPair.run("compile", "--board", "demo", "--out", out.toString(), "--cache",
        cache.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(hashes(out.resolve("dist"))).isEqualTo(reference);
    assertThat(out.resolve("logs/compile.log")).content().contains("compile: ok");
  }

  /**
   * The case: the kernel stage's {@code make Image modules} in a cache of its own, whose
   * tree is building in a {@code .partial-} directory when the signal comes.
   */
  @Test
  void sigtermDuringTheKernelBuildLeavesNoStagingInTheCache(@TempDir Path dir) throws Exception {
    Path cache = dir.resolve("cache");
    Path out = dir.resolve("out");
    Signalled run = Signalled.start(dir.resolve("child.log"), "build", "--board", "demo", "--out", out.toString(),
        "--cache", cache.toString(), "--stages", "verify,sysroot,kernel", "--jobs", "2");
    // The cross compiler runs: the tree is configured and `make Image modules` is building it.
    run.sigtermWhen(() -> !partials(cache.resolve("kernel")).isEmpty() && run.descendantNamed("make")
        && run.descendantMatching("gcc-cross"));

    assertThat(run.exitCode()).as(run.log()).isEqualTo(143);
    assertThat(run.alive(dir)).as("processes of the run still alive after SIGTERM").isEmpty();
    assertThat(partials(cache)).as("staging left in the cache").isEmpty();
    assertThat(out.resolve("logs/kernel.log")).content().contains("kernel: interrupted by SIGTERM");
    assertThat(out.resolve("state/kernel.json")).content().contains("\"status\" : \"interrupted\"");
    assertThat(out.resolve("state/sysroot.json")).content().doesNotContain("interrupted");
    FileTrees.deleteRecursively(cache);
  }

  private static Map<String, String> hashes(Path dist) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dist)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        sums.put(dist.relativize(p).toString(), Sha256.ofFile(p));
      }
    }
    return sums;
  }

  /** The staging directories under {@code root}, two levels deep (cache/kernel/.x.partial-…). */
  private static Set<String> partials(Path root) {
    if (!Files.isDirectory(root)) {
      return Set.of();
    }
    try (Stream<Path> walk = Files.walk(root, 2)) {
      return new LinkedHashSet<>(walk.map(Path::toString).filter(p -> p.contains(".partial-")).toList());
    } catch (IOException | java.io.UncheckedIOException e) {
      return Set.of(); // a directory removed while listed
    }
  }

  /** A CLI run in-process, for the rerun. */
  record StringWriterPair(int code, String err) {
    static StringWriterPair run(String... args) {
      java.io.StringWriter err = new java.io.StringWriter();
      int code = Main.run(args, new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
      return new StringWriterPair(code, err.toString());
    }
  }

  /** An askbuild JVM of its own, every process it starts watched until the end. */
  static final class Signalled {
    private final Process process;
    private final Path log;
    private final Set<ProcessHandle> seen = new LinkedHashSet<>();
    private long signalled;

    private Signalled(Process process, Path log) {
      this.process = process;
      this.log = log;
    }

    static Signalled start(Path log, String... args) throws IOException {
      List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "dev.askbuild.cli.Main"));
      argv.addAll(List.of(args));
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new Signalled(p, log);
    }

    /** Every process below the JVM now, remembered (a process in a session of its own included). */
    private void look() {
      process.descendants().forEach(seen::add);
    }

    boolean descendantMatching(String text) {
      look();
      return process.descendants().anyMatch(h -> h.info().command().map(c -> c.contains(text)).orElse(false));
    }

    boolean descendantNamed(String name) {
      look();
      return process.descendants().anyMatch(h -> h.info().command().map(c -> c.endsWith("/" + name)).orElse(false));
    }

    /** Waits (up to 20 minutes: a cold kernel on a loaded machine) for the moment, then SIGTERM. */
    void sigtermWhen(BooleanSupplier moment) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
      while (!moment.getAsBoolean()) {
        if (!process.isAlive()) {
          throw new AssertionError("the run ended before the signal:\n" + log());
        }
        if (System.nanoTime() > deadline) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          throw new AssertionError("the moment for the signal never came:\n" + log());
        }
        Thread.sleep(20);
      }
      look();
      assertThat(seen).as("the run's processes at the signal").isNotEmpty();
      process.destroy(); // SIGTERM to the JVM alone, as `kill PID` sends it
      signalled = System.nanoTime();
    }

    int exitCode() throws Exception {
      if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("askbuild still running " + STOP_SECONDS + " s after SIGTERM:\n" + log());
      }
      System.out.printf("interrupted-run figure: askbuild exited %.1f s after SIGTERM (%d processes seen)%n",
          (System.nanoTime() - signalled) / 1e9, seen.size());
      return process.exitValue();
    }

    /**
     * The processes seen during the run that are still alive (none may be), and any other whose
     * working directory is under {@code root} (one that went to PID 1 before it was seen).
     */
    List<String> alive(Path root) {
      ProcessHandle.allProcesses().filter(h -> cwdUnder(h, root)).forEach(seen::add);
      List<String> alive = new ArrayList<>();
      for (ProcessHandle h : seen) {
        if (h.isAlive()) {
          alive.add(h.pid() + " " + h.info().commandLine().orElse("?"));
          h.destroyForcibly(); // never leave one to the next test
        }
      }
      return alive;
    }

    private static boolean cwdUnder(ProcessHandle h, Path root) {
      try {
        return Files.readSymbolicLink(Path.of("/proc", Long.toString(h.pid()), "cwd")).startsWith(root);
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }

    String log() {
      try {
        return Files.readString(log);
      } catch (IOException e) {
        return "(no log: " + e + ")";
      }
    }
  }
}
