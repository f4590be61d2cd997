package dev.askbuild.job;

import dev.askbuild.core.Messages;
import dev.askbuild.core.ShutdownGuard;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a stage leaves when a signal stops it: {@code logs/STAGE.log} ending in {@code STAGE:
 * interrupted by SIGTERM} (with what its commands printed until then) and {@code
 * state/STAGE.json} saying {@code interrupted}, written by the shutdown guard while the JVM goes
 * down, so that the record never says failed, ok, or nothing.
 */
final class StageInterruption {
  private StageInterruption() {}

  /** Holds the record ready while the stage runs; closed when the stage ends on its own. */
  static ShutdownGuard.AutoCloseableAction guard(Workspace ws, StageState state, Stage stage, Messages log) {
    return ShutdownGuard.whileRunning(() -> {
      String signal = ShutdownGuard.interruption().orElse("a shutdown");
      try {
        StageLog.write(ws, stage, lines(log), outcome(stage, signal));
        state.writeInterrupted(stage, signal);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * The record of a stage that ended with {@code e}: FAILED with its message; nothing when a
   * signal is stopping the run (its command was killed for it), since the guard writes that record
   * and a second writer could only garble it.
   */
  static void recordFailure(Workspace ws, Stage stage, Messages log, Exception e) throws IOException {
    if (ShutdownGuard.interruption().isEmpty()) {
      StageLog.write(ws, stage, log.lines(), stage.label() + ": FAILED: " + e.getMessage());
    }
  }

  private static String outcome(Stage stage, String signal) {
    return stage.label() + ": interrupted by " + signal;
  }

  private static java.util.List<String> lines(Messages log) {
    // The stage's thread may still be adding a line while the JVM goes down.
    for (int i = 0; i < 3; i++) {
      try {
        return log.lines();
      } catch (java.util.ConcurrentModificationException e) {
        Thread.onSpinWait();
      }
    }
    return java.util.List.of();
  }
}
