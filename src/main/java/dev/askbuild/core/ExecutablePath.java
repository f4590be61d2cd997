package dev.askbuild.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds programs the way a shell does: the first executable file of that name in a PATH. */
public final class ExecutablePath {
  private ExecutablePath() {}

  /** The process's own PATH, or the usual directories when it has none. */
  public static String current() {
    return System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
  }

  /** The first {@code program} in the directories of {@code path}, skipping {@code skipDir}. */
  public static Optional<Path> find(String path, String program, Optional<Path> skipDir) {
    for (String dir : path.split(":")) {
      if (dir.isEmpty() || skipDir.map(s -> Path.of(dir).toAbsolutePath().equals(s.toAbsolutePath())).orElse(false)) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  public static Optional<Path> find(String path, String program) {
    return find(path, program, Optional.empty());
  }
}
