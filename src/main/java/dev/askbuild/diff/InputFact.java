package dev.askbuild.diff;

import java.io.Serializable;

/**
 * One input of a build as its provenance records it: name, value (a SHA-256, a version line, an
 * epoch) and origin (pinned, listed, a path).
 */
public record InputFact(String name, String value, String origin) implements Serializable {
  private static final long serialVersionUID = 1L;
}
