package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.fixture.Fixtures;
import dev.askbuild.job.BoardJob;
import dev.askbuild.job.DemoInputs;
import dev.askbuild.job.JobRequest;
import dev.askbuild.job.OutDirLock;
import dev.askbuild.job.Stage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18, defects 3 and 4: where a run may write, what it may delete, one run per directory. */
class OutDirGuardsTest {
  @TempDir Path tmp;

  record Run(int code, String err) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    return new Run(code, err.toString());
  }

  /** Exit 2, one line naming what is wrong, no exception's name or stack trace. */
  private static void refused(Run run, String... parts) {
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(parts).doesNotContain("Exception", "\tat ", "internal error");
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
  }

  @Test
  void outputDirectoriesThatAreNotTheRunsOwnAreRefusedBeforeAnyStage() throws Exception {
    String cache = Fixtures.cache().toString();
    refused(run("verify", "--board", "demo", "--out", "/", "--cache", cache), "--out / is the root directory");
    String home = System.getProperty("user.home");
    refused(run("verify", "--board", "demo", "--out", home, "--cache", cache), "--out " + home,
        "is your home directory itself");
    refused(run("verify", "--board", "demo", "--out", cache, "--cache", cache), "--out " + cache, "is the cache");
    refused(run("verify", "--board", "demo", "--out", cache + "/out", "--cache", cache), "is inside the cache");
    Path packages = Files.createDirectories(tmp.resolve("packages"));
    refused(run("verify", "--board", "demo", "--packages", packages.toString(), "--out", packages.toString(),
        "--cache", cache), "--out " + packages, "is the packages directory");
    refused(run("verify", "--board", "demo", "--packages", packages.toString(), "--out",
        packages.resolve("out").toString(), "--cache", cache), "is inside the packages directory " + packages);
    assertThat(packages.resolve("out")).doesNotExist();
  }

  @Test
  void aFileOrAnImpossiblePathAsOutOrCacheIsOneLineNamingTheOption() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    String cache = Fixtures.cache().toString();
    refused(run("verify", "--board", "demo", "--out", file.toString(), "--cache", cache),
        "--out " + file + " is a file, not a directory");
    refused(run("verify", "--board", "demo", "--out", tmp.resolve("out").toString(), "--cache", file.toString()),
        "--cache " + file + " is a file, not a directory");
    refused(run("verify", "--board", "demo", "--out", tmp.resolve("out").toString(), "--cache", "/proc/nope"),
        "--cache /proc/nope: cannot create the directory");
    refused(run("verify", "--board", "demo", "--out", "/proc/nope/out", "--cache", cache),
        "--out /proc/nope/out: cannot create the directory");
    refused(run("verify", "--board", "demo", "--packages", file.toString(), "--out", tmp.resolve("o").toString(),
        "--cache", cache), "--packages " + file + " is not a directory");
  }

  @Test
  void aFileTheUserPutInDistOrReportsIsNamedNotDeleted() throws Exception {
    Path out = tmp.resolve("out");
    JobRequest request = JobRequest.of("demo", Optional.empty(), out, Fixtures.cache());
    BoardJob job = BoardJob.open(request, ProcessRunner.forBuilds(), Progress.SILENT);
    for (Stage stage : Stage.values()) {
      job.run(stage);
    }
    Path precious = Files.writeString(out.resolve("dist/precious.txt"), "mine\n");
    String[] base = {"--board", "demo", "--out", out.toString(), "--cache", Fixtures.cache().toString()};
    refused(run(concat("compile", base)), out.resolve("dist/precious.txt") + " was not written by askbuild");
    assertThat(precious).hasContent("mine");
    assertThat(out.resolve("dist/hello")).isRegularFile();
    Files.delete(precious);

    Path notes = Files.writeString(out.resolve("reports/notes.txt"), "mine\n");
    refused(run(concat("check", base)), out.resolve("reports/notes.txt") + " was not written by askbuild");
    assertThat(notes).hasContent("mine");
    Files.delete(notes);

    // What askbuild wrote it replaces, run after run.
    assertThat(run(concat("compile", base)).code()).isZero();
    assertThat(run(concat("check", base)).code()).isZero();
    assertThat(out.resolve("state/written-files.txt")).content().contains("dist/hello\n", "reports/checks.xml\n");
  }

  @Test
  void aSecondRunIntoTheSameDirectoryNamesTheHoldersPidOrWaitsForIt() throws Exception {
    Path out = tmp.resolve("out");
    String[] verify = {"verify", "--board", "demo", "--out", out.toString(), "--cache", Fixtures.cache().toString()};
    DemoInputs.prepare(Fixtures.cache());
    try (OutDirLock held = OutDirLock.acquire(out, false)) {
      refused(run(verify), "--out " + out + " is in use by askbuild process " + ProcessHandle.current().pid(),
          "--wait");
    }
    // A holder in another process (a POSIX lock, as the JVM's): named by its PID, then waited for.
    Path lock = out.resolve("state/askbuild.lock");
    Process holder = new ProcessBuilder("python3", "-c", String.join("\n",
        "import fcntl, os, sys, time",
        "f = open(sys.argv[1], 'a+')",
        "fcntl.lockf(f, fcntl.LOCK_EX)",
        "f.truncate(0); f.write(str(os.getpid()) + '\\n'); f.flush()",
        "print('locked', flush=True)",
        "time.sleep(3)"), lock.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(said.readLine()).isEqualTo("locked");
      refused(run(verify), "is in use by askbuild process " + holder.pid());
      long start = System.nanoTime();
      Run waited = run(concat(verify, List.of("--wait")));
      assertThat(waited.code()).as(waited.err()).isZero();
      assertThat(holder.waitFor(0, TimeUnit.SECONDS)).as("the run waited for the holder to end").isTrue();
      assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(500));
    } finally {
      holder.destroyForcibly();
    }
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static String[] concat(String[] first, List<String> rest) {
    List<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(rest);
    return all.toArray(String[]::new);
  }
}
