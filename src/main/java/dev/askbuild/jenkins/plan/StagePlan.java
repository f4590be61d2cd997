package dev.askbuild.jenkins.plan;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.board.Boards;
import dev.askbuild.compile.CompilePlans;
import dev.askbuild.compile.Target;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.job.Stage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A run's stages as the engine plans them: the board known, the target and components ones it
 * builds, the stages named known, and the kernel stage dropped for a userspace target (a subset
 * naming it refused), exactly as {@code askbuild build --stages} would run them. The command
 * {@code java -cp askbuild.jar dev.askbuild.jenkins.plan.StagePlan --board B [--target T]
 * [--components C] [--stages S]} prints {@code {"stages":["verify",...]}}, or the engine's
 * {@code error:} line with its exit code.
 */
public final class StagePlan {
  private StagePlan() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!List.of("--board", "--target", "--components", "--stages").contains(args[i]) || i + 1 == args.length) {
        err.println("error: StagePlan takes --board B [--target T] [--components C] [--stages S], got " + Arrays.toString(args));
        return 2;
      }
      options.put(args[i], args[++i]);
    }
    try {
      List<String> stages = plan(options.get("--board"), options.get("--target"), options.get("--components"),
          options.get("--stages"));
      out.println(stages.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "{\"stages\":[", "]}")));
      return 0;
    } catch (AskBuildException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode().code();
    }
  }

  /**
   * The stages to run, in order; {@code null} or blank means the engine's default for that option.
   *
   * @throws AskBuildException exit 2 naming the option, in the engine's words
   */
  public static List<String> plan(String board, String target, String components, String stages) {
    if (blank(board)) {
      throw AskBuildException.badInput("--board is required (known boards: " + String.join(", ", Boards.names()) + ")");
    }
    BoardProfile profile = Boards.load(board.strip());
    Target t = Target.parse(blank(target) ? "dist" : target.strip());
    Set<String> requested = new TreeSet<>();
    if (!blank(components)) {
      for (String c : components.split(",")) {
        requested.add(c.strip());
      }
    }
    try {
      CompilePlans.forBoard(profile).select(t, requested);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<Stage> selected = blank(stages) ? EnumSet.allOf(Stage.class) : Stage.parseList(stages);
    return Stage.plan(selected, t).stream().map(Stage::label).toList();
  }

  /** For a job form's check: the engine's message for these options, or null when it takes them. */
  public static String problem(String board, String target, String components, String stages) {
    try {
      plan(board, target, components, stages);
      return null;
    } catch (AskBuildException e) {
      return e.getMessage();
    }
  }

  /** The known boards, for a job form's drop-down. */
  public static List<String> boards() {
    return Boards.names();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
