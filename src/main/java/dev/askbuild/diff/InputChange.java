package dev.askbuild.diff;

import java.io.Serializable;

/** An input that moved between the builds; an empty side means it was added or dropped. */
public record InputChange(String name, String before, String after, String origin) implements Serializable {
  private static final long serialVersionUID = 1L;

  public String describe() {
    return name + ": " + (before.isEmpty() ? "(none)" : before) + " -> " + (after.isEmpty() ? "(none)" : after);
  }
}
