package dev.askbuild.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One external command: its arguments, working directory and the environment changes it runs with
 * (a value of {@code null} removes a variable).
 */
public record Command(List<String> argv, Path workDir, Map<String, String> env) {
  public Command {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a command needs at least a program name");
    }
    argv = List.copyOf(argv);
    // TreeMap keeps the order stable for logs and tolerates null values (removals).
    env = new TreeMap<>(env);
  }

  public static Command of(Path workDir, String... argv) {
    return new Command(List.of(argv), workDir, Map.of());
  }

  public Command withEnv(Map<String, String> more) {
    Map<String, String> merged = new TreeMap<>(env);
    merged.putAll(more);
    return new Command(argv, workDir, merged);
  }

  /** The command as a user could paste it into a shell, for logs and error messages. */
  public String display() {
    StringBuilder sb = new StringBuilder();
    for (String arg : argv) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return sb.toString();
  }
}
