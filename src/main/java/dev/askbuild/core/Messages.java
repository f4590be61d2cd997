package dev.askbuild.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A stage's messages: every line it reports is kept for its result (results carry their own
 * messages, as analysis-model's {@code Report} does) and passed on to the front end's progress
 * sink as it happens. One per stage run; not shared between threads.
 */
public final class Messages implements Progress {
  private final Progress forward;
  private final List<String> lines = new ArrayList<>();

  public Messages(Progress forward) {
    this.forward = forward;
  }

  @Override
  public void info(String line) {
    lines.add(line);
    forward.info(line);
  }

  @Override
  public void warn(String line) {
    lines.add("warning: " + line);
    forward.warn(line);
  }

  @Override
  public void error(String line) {
    lines.add("error: " + line);
    forward.error(line);
  }

  /** Status lines are passed on but not kept: the stage's closing message says how it ended. */
  @Override
  public void status(String line, boolean milestone) {
    forward.status(line, milestone);
  }

  /** Everything reported so far, in order. */
  public List<String> lines() {
    return List.copyOf(lines);
  }
}
