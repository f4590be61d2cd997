package dev.askbuild.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run does when it is told to stop (SIGTERM from a CI timeout or a Jenkins abort, SIGINT from
 * Ctrl-C, SIGHUP from a closed terminal): the JVM's own exit would leave {@code make -j} running
 * under PID 1 and a gigabyte staging tree in the cache. So the signal stops the whole process tree
 * of every command the runner started (each runs in a session of its own, so its process group
 * holds also what its intermediates left behind, plus the descendants seen), waits {@link #GRACE},
 * kills what remains, removes the staging directories this run made, lets the stage record that it
 * was interrupted, and exits 128 + the signal's number (130, 143, 129).
 *
 * <p>Only the CLI {@link #install}s it; without it the tracking is bookkeeping only, so the engine
 * behaves the same in tests and in a host that handles its own signals.
 */
public final class ShutdownGuard {
  /** How long the children get to end after SIGTERM before SIGKILL. */
  public static final Duration GRACE = Duration.ofSeconds(5);

  private static final Map<String, Integer> SIGNALS = new LinkedHashMap<>();

  static {
    SIGNALS.put("INT", 2);
    SIGNALS.put("TERM", 15);
    SIGNALS.put("HUP", 1);
  }

  private static final Object LOCK = new Object();
  private static final Set<Process> processes = new LinkedHashSet<>();
  private static final Set<Path> staging = new LinkedHashSet<>();
  private static final List<Runnable> onInterrupt = new ArrayList<>();
  private static volatile String signal;
  private static boolean installed;

  private ShutdownGuard() {}

  /** Called once by the CLI: from now on the three signals stop the run as described above. */
  public static void install() {
    synchronized (LOCK) {
      if (installed) {
        return;
      }
      installed = true;
    }
    for (Map.Entry<String, Integer> s : SIGNALS.entrySet()) {
      try {
        // The JVM's own handler would only run shutdown hooks; this one also knows which signal
        // it was, for the stage's log and the exit status.
        sun.misc.Signal.handle(new sun.misc.Signal(s.getKey()), sig -> {
          signal = "SIG" + s.getKey();
          Thread exit = new Thread(() -> System.exit(128 + s.getValue()), "askbuild-exit-on-" + signal);
          exit.start();
        });
      } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
        // A signal the JVM keeps for itself (or no sun.misc): the shutdown hook below still runs.
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(ShutdownGuard::stopEverything, "askbuild-shutdown-guard"));
  }

  /** The signal that stops this run, once one came. */
  public static Optional<String> interruption() {
    return Optional.ofNullable(signal);
  }

  /** Fails with a message naming the signal when this run is being stopped. */
  public static void requireNotInterrupted(String what) {
    if (signal != null) {
      throw AskBuildException.checkFailed("interrupted by " + signal + " while running " + what);
    }
  }

  /** Starts a process: {@link #startTracked} runs it under the guard's lock. */
  @FunctionalInterface
  interface ProcessStart {
    Process start() throws IOException;
  }

  /**
   * Starts a process unless the run is being stopped, and tracks it from its first moment: the
   * check, whatever {@code start} writes first (the log's directory) and the tracking happen under
   * the lock the shutdown takes for its list, so a signal either finds the process in that list or
   * stops it from being started. Checked and tracked apart, a command started just as the signal
   * came outlived the run in a session of its own, and its log's directory came back after the
   * staging tree holding it was removed.
   */
  static Process startTracked(String what, ProcessStart start) throws IOException {
    synchronized (LOCK) {
      requireNotInterrupted(what);
      Process process = start.start();
      processes.add(process);
      return process;
    }
  }

  static void untrack(Process process) {
    synchronized (LOCK) {
      processes.remove(process);
    }
  }

  /** A staging directory this run builds in, removed should the run be stopped. */
  static void trackStaging(Path dir) {
    synchronized (LOCK) {
      staging.add(dir);
    }
  }

  /**
   * Runs {@code action} if the run is stopped while the returned handle is open: a stage writes
   * its log and state as {@code interrupted} this way.
   */
  public static AutoCloseableAction whileRunning(Runnable action) {
    synchronized (LOCK) {
      onInterrupt.add(action);
    }
    return () -> {
      synchronized (LOCK) {
        // Once a signal came, the action stays for the shutdown hook to run: the stage's own
        // thread may be cut off by the JVM's halt at any point after it.
        if (signal == null) {
          onInterrupt.remove(action);
        }
      }
    };
  }

  /** A handle whose close cannot fail. */
  public interface AutoCloseableAction extends AutoCloseable {
    @Override
    void close();
  }

  /** The shutdown: children first (they hold the staging trees open), then files, then the record. */
  static void stopEverything() {
    List<Process> running;
    synchronized (LOCK) {
      // Set under the lock: no command starts after this list is taken (see startTracked).
      if (signal == null) {
        signal = "a shutdown";
      }
      running = List.copyOf(processes);
    }
    stopTrees(running, GRACE);
    List<Path> dirs;
    List<Runnable> actions;
    synchronized (LOCK) {
      dirs = List.copyOf(staging);
      actions = List.copyOf(onInterrupt);
    }
    for (Path dir : dirs) {
      removeQuietly(dir);
    }
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        // The JVM is going down; one record that could not be written must not stop the others.
      }
    }
  }

  /**
   * SIGTERM to each process's group and every descendant seen, SIGKILL after {@code grace} to all
   * that remain; returns once none is alive or another {@code grace} has passed.
   */
  public static void stopTrees(List<Process> roots, Duration grace) {
    Set<ProcessHandle> seen = new LinkedHashSet<>();
    for (Process p : roots) {
      seen.add(p.toHandle());
      p.descendants().forEach(seen::add);
    }
    signalGroups(roots, "TERM");
    seen.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    while (System.nanoTime() < deadline && anyAlive(roots, seen)) {
      // A process the tree started after the snapshot is stopped too.
      for (Process p : roots) {
        p.descendants().filter(seen::add).forEach(ProcessHandle::destroy);
      }
      sleep(50);
    }
    signalGroups(roots, "KILL");
    for (Process p : roots) {
      p.descendants().forEach(seen::add);
    }
    seen.forEach(ProcessHandle::destroyForcibly);
    long reaped = System.nanoTime() + grace.toNanos();
    while (System.nanoTime() < reaped && anyAlive(roots, seen)) {
      sleep(50);
    }
  }

  private static boolean anyAlive(List<Process> roots, Set<ProcessHandle> seen) {
    return seen.stream().anyMatch(ProcessHandle::isAlive) || roots.stream().anyMatch(ShutdownGuard::groupAlive);
  }

  /** The process group a command's session leader heads (see {@link ProcessRunner}). */
  private static void signalGroups(List<Process> roots, String sig) {
    for (Process p : roots) {
      if (!groupAlive(p)) {
        continue;
      }
      if (!ProcessRunner.signalGroup(p.pid(), sig)) {
        return;
      }
    }
  }

  /** True while any process of the group {@code p} leads is alive (read from /proc). */
  private static boolean groupAlive(Process p) {
    String group = Long.toString(p.pid());
    return ProcessHandle.allProcesses().anyMatch(h -> group.equals(processGroup(h.pid())));
  }

  private static String processGroup(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so count from the last ')'.
      String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return rest[0].equals("Z") ? "" : rest[2];
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static void removeQuietly(Path dir) {
    // Again while it is there: a process killed a moment ago may still have been adding files,
    // and the stage's own cleanup may be removing the same tree (FileTrees tolerates that).
    long deadline = System.nanoTime() + GRACE.toNanos();
    while (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      FileTrees.deleteQuietly(dir);
      if (System.nanoTime() > deadline) {
        return;
      }
      if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        sleep(50);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
