package dev.askbuild.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place the engine starts external processes. Output goes straight to a log file (no Java
 * pumping, so a long make costs nothing extra); a failure carries the log's last lines and path.
 */
public final class ProcessRunner {
  private static final int TAIL_LINES = 25;
  private final Map<String, String> baseEnv;

  /** A runner whose children see {@code baseEnv} plus each command's own changes. */
  public ProcessRunner(Map<String, String> baseEnv) {
    this.baseEnv = Map.copyOf(baseEnv);
  }

  /** A runner that passes the current process environment on (for host tools, not builds). */
  public static ProcessRunner inheritingEnvironment() {
    return new ProcessRunner(System.getenv());
  }

  /** A runner for the stages that build: the host variables {@link BuildEnvironment} lets through. */
  public static ProcessRunner forBuilds() {
    return new ProcessRunner(BuildEnvironment.fromHost(System.getenv()));
  }

  /** The environment every child starts from. */
  public Map<String, String> environment() {
    return baseEnv;
  }

  /** Result of a finished command. */
  public record Result(int exitCode, Path log) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  /** Runs a command, appending its combined output to {@code log}. */
  public Result run(Command command, Path log) throws IOException {
    ProcessBuilder builder = builder(command);
    inOwnSession(builder);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = ShutdownGuard.startTracked(command.display(), () -> {
      // The log often lies in a staging tree a signal's guard removes: written only if the
      // command is really started.
      Files.createDirectories(log.toAbsolutePath().getParent());
      Files.writeString(
          log,
          "$ (cd " + command.workDir() + " && " + command.display() + ")\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      return start(builder, command);
    });
    try {
      int code = process.waitFor();
      // Killed by the shutdown guard: say so, not "make failed (exit 2)".
      ShutdownGuard.requireNotInterrupted(command.display());
      return new Result(code, log);
    } catch (InterruptedException e) {
      ShutdownGuard.stopTrees(List.of(process), ShutdownGuard.GRACE);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while running " + command.display());
    } finally {
      ShutdownGuard.untrack(process);
    }
  }

  /**
   * A long command runs as the leader of a session (and process group) of its own: what it starts
   * stays in that group even when an intermediate process exits and its children go to PID 1, so
   * the shutdown guard can stop all of it. {@code setsid} execs in place (the child of a JVM is no
   * group leader), so the process's PID is the group's.
   */
  private static void inOwnSession(ProcessBuilder builder) {
    Optional<Path> setsid = ExecutablePath.find("/usr/bin:/bin", "setsid");
    if (setsid.isPresent()) {
      List<String> argv = new ArrayList<>(builder.command());
      argv.add(0, setsid.get().toString());
      builder.command(argv);
    }
  }

  /**
   * Runs a command and fails with {@link ExitCode#CHECK_FAILED} when it exits non-zero, showing what
   * failed, the log's last lines and where the whole log is.
   */
  public Result runChecked(Command command, Path log, String what) throws IOException {
    Result result = run(command, log);
    if (!result.succeeded()) {
      throw failure(command, result, what);
    }
    return result;
  }

  /** The error for a failed command: what failed, the log's last lines and where the log is. */
  public static AskBuildException failure(Command command, Result result, String what) throws IOException {
    return AskBuildException.checkFailed(
        what
            + " failed (exit "
            + result.exitCode()
            + "): "
            + command.display()
            + "\n--- last lines of "
            + result.log()
            + " ---\n"
            + String.join("\n", tail(result.log(), TAIL_LINES))
            + "\n--- full log: "
            + result.log());
  }

  /** Runs a short command and returns its standard output, or fails naming the command. */
  public String capture(Command command) throws IOException {
    ProcessBuilder builder = builder(command);
    builder.redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = ShutdownGuard.startTracked(command.display(), () -> start(builder, command));
    byte[] out;
    try {
      out = process.getInputStream().readAllBytes();
    } finally {
      ShutdownGuard.untrack(process);
    }
    try {
      int code = process.waitFor();
      String text = new String(out, StandardCharsets.UTF_8);
      if (code != 0) {
        throw AskBuildException.checkFailed(
            command.display() + " failed (exit " + code + "): " + text.strip());
      }
      return text;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while running " + command.display());
    }
  }

  /**
   * Starts a filter with {@code input} as its standard input and returns its standard output. The
   * stream fails at its end when the filter exited non-zero, naming the command and what it said.
   */
  public InputStream pipe(Command command, Path input) throws IOException {
    ProcessBuilder builder = builder(command);
    builder.redirectInput(ProcessBuilder.Redirect.from(input.toFile()));
    try {
      return new PipedProcess(builder.start(), command);
    } catch (IOException e) {
      throw AskBuildException.environment("cannot run " + command.argv().get(0) + ": " + e.getMessage());
    }
  }

  /**
   * For a stream from {@link #pipe}: the filter's own failure (command, exit status, its stderr)
   * when it failed, waiting up to {@code millis} for it to end; empty for any other stream.
   */
  public static java.util.Optional<String> filterFailure(InputStream stream, long millis) {
    return stream instanceof PipedProcess piped ? piped.failure(millis) : java.util.Optional.empty();
  }

  private static Process start(ProcessBuilder builder, Command command) {
    try {
      return builder.start();
    } catch (IOException e) {
      throw AskBuildException.environment("cannot run " + command.argv().get(0) + ": " + e.getMessage());
    }
  }

  private ProcessBuilder builder(Command command) {
    ProcessBuilder builder = new ProcessBuilder(command.argv());
    builder.directory(command.workDir().toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.putAll(baseEnv);
    command
        .env()
        .forEach(
            (key, value) -> {
              if (value == null) {
                env.remove(key);
              } else {
                env.put(key, value);
              }
            });
    return builder;
  }

  /**
   * Sends {@code signal} (TERM, KILL) to the process group {@code group} with kill(1), which Java
   * cannot address; false when this thread was interrupted meanwhile. A missing kill(1) is no
   * error: the shutdown guard signals the descendants it saw one by one as well.
   */
  static boolean signalGroup(long group, String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + group)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      kill.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
      return true;
    } catch (IOException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The last {@code lines} lines of a log, read from its end so huge logs cost nothing. */
  public static List<String> tail(Path log, int lines) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      int window = (int) Math.min(length, 64 * 1024);
      byte[] bytes = new byte[window];
      file.seek(length - window);
      file.readFully(bytes);
      List<String> all = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n")));
      return all.subList(Math.max(0, all.size() - lines), all.size());
    }
  }
}
