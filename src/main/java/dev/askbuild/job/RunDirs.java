package dev.askbuild.job;

import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run's directories checked before any stage: an output directory that would mix askbuild's
 * {@code dist/}, {@code logs/} and {@code state/} into {@code /}, the home directory, the vendored
 * inputs or the cache is refused, and so is one that is a file or cannot be made, each as a
 * one-line message naming the option and the path (exit 2), never a file system exception.
 */
final class RunDirs {
  private RunDirs() {}

  static void require(JobRequest request) {
    Path out = request.out();
    if (out.getParent() == null) {
      throw AskBuildException.badInput("--out " + out + " is the root directory; give the run a directory of its own"
          + " (e.g. --out out/" + request.board() + ")");
    }
    Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
    if (out.equals(home)) {
      throw AskBuildException.badInput("--out " + out + " is your home directory itself; give the run a directory"
          + " of its own (e.g. --out " + home.resolve("out").resolve(request.board()) + ")");
    }
    request.packages().ifPresent(packages -> {
      if (out.startsWith(packages)) {
        throw AskBuildException.badInput("--out " + out + (out.equals(packages) ? " is" : " is inside")
            + " the packages directory " + packages + "; outputs never go among the vendored inputs");
      }
    });
    if (out.startsWith(request.cache())) {
      throw AskBuildException.badInput("--out " + out + (out.equals(request.cache()) ? " is" : " is inside")
          + " the cache " + request.cache() + "; give the run a directory of its own");
    }
    request.packages().ifPresent(packages -> {
      if (Files.exists(packages) && !Files.isDirectory(packages)) {
        throw AskBuildException.badInput("--packages " + packages + " is not a directory");
      }
    });
    directory("--cache", request.cache());
  }

  /** After the board's inputs are found (those are named first): the output directory itself. */
  static void requireOut(JobRequest request) {
    directory("--out", request.out());
  }

  /** Exists as a directory after this, or the user is told why it cannot. */
  private static void directory(String option, Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw AskBuildException.badInput(option + " " + dir + " is a file, not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (FileSystemException e) {
      String reason = dev.askbuild.core.FileErrors.reason(e);
      throw AskBuildException.badInput(option + " " + dir + ": cannot create the directory ("
          + (e.getFile() != null && !e.getFile().equals(dir.toString()) ? e.getFile() + ": " : "") + reason + ")");
    } catch (IOException e) {
      throw AskBuildException.badInput(option + " " + dir + ": cannot create the directory (" + e.getMessage() + ")");
    }
    if (!Files.isWritable(dir)) {
      throw AskBuildException.badInput(option + " " + dir + " is not writable");
    }
  }
}
