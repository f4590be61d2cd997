package dev.askbuild.job;

import dev.askbuild.core.ExitCode;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * How one stage went, the same for every front end: the CLI prints it with {@code --json}, a
 * Jenkins step returns its fields, {@code askbuild build} lists one per stage.
 *
 * @param status {@code ok} or {@code failed}
 * @param error the engine's message when the stage failed, else null
 * @param cache {@code hit}, {@code miss} or {@code none} (a stage without a cache)
 * @param summary the stage's own figures and paths, typed per stage ({@link StageSummary.None} when it failed)
 */
public record StageRun(
    String stage,
    String status,
    int exitCode,
    String error,
    String cache,
    long millis,
    List<String> messages,
    StageSummary summary)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public StageRun {
    messages = List.copyOf(messages);
    java.util.Objects.requireNonNull(summary, "summary");
  }

  static StageRun ok(Stage stage, String cache, long millis, List<String> messages, StageSummary summary) {
    return new StageRun(stage.label(), "ok", ExitCode.OK.code(), null, cache, millis, messages, summary);
  }

  public static StageRun failed(String stage, ExitCode code, String error, long millis) {
    return new StageRun(stage, "failed", code.code(), error, "none", millis, List.of(), new StageSummary.None());
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** The progress line a front end shows. */
  public String line() {
    return String.format(Locale.ROOT, "[%s] %s%s in %.1f s", stage, status,
        cache.equals("none") ? "" : " (cache " + cache + ")", millis / 1000.0);
  }
}
