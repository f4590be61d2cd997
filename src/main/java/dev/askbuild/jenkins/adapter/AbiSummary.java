package dev.askbuild.jenkins.adapter;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the build page says about the diff against the baseline: the build compared with, the
 * engine's verdict, and the breaking changes, each as one line (the engine's order: breaking first,
 * stable). From checks.json's {@code abiDiff} and abi-diff.json's {@code changes}. Saved with the
 * build: a plain class (XStream cannot read records back).
 */
public final class AbiSummary implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The page lists at most this many breaks; abi-diff.json and report.html have them all. */
  public static final int MAX_BREAKS = 50;

  private final int baselineBuild;
  private final String verdict;
  private final boolean abiChanged;
  private final boolean failOnAbiChange;
  private final int breaking;
  private final ArrayList<String> breaks;

  public AbiSummary(int baselineBuild, String verdict, boolean abiChanged, boolean failOnAbiChange, int breaking,
      List<String> breaks) {
    this.baselineBuild = baselineBuild;
    this.verdict = verdict;
    this.abiChanged = abiChanged;
    this.failOnAbiChange = failOnAbiChange;
    this.breaking = breaking;
    this.breaks = new ArrayList<>(breaks);
  }

  /**
   * @param abiDiff checks.json's {@code abiDiff} object
   * @param diffJson abi-diff.json, or null when the engine wrote none
   */
  public static AbiSummary from(int baselineBuild, Map<?, ?> abiDiff, Map<?, ?> diffJson) {
    List<String> lines = new ArrayList<>();
    if (diffJson != null && diffJson.get("changes") instanceof List<?> changes) {
      for (Object o : changes) {
        if (o instanceof Map<?, ?> c && Boolean.TRUE.equals(c.get("breaking")) && lines.size() < MAX_BREAKS) {
          lines.add(line(c));
        }
      }
    }
    int breaking = abiDiff.get("breaking") instanceof Number n ? n.intValue() : lines.size();
    return new AbiSummary(baselineBuild, text(abiDiff.get("verdict")), Boolean.TRUE.equals(abiDiff.get("abiChanged")),
        Boolean.TRUE.equals(abiDiff.get("failOnAbiChange")), breaking, lines);
  }

  /** e.g. {@code dist/lib/modules/alpha.ko (module alpha): export alpha_scale: 0x1234 -> (removed)}. */
  private static String line(Map<?, ?> c) {
    StringBuilder sb = new StringBuilder(text(c.get("artifact")));
    String module = text(c.get("module"));
    if (!module.isEmpty()) {
      sb.append(" (module ").append(module).append(')');
    }
    sb.append(": ").append(text(c.get("aspect")));
    String subject = text(c.get("subject"));
    if (!subject.isEmpty()) {
      sb.append(' ').append(subject);
    }
    sb.append(": ").append(orNone(text(c.get("before")))).append(" -> ").append(orNone(text(c.get("after"))));
    return sb.toString();
  }

  private static String orNone(String value) {
    return value.isEmpty() ? "(none)" : value;
  }

  private static String text(Object value) {
    return value instanceof String s ? s : value instanceof Number || value instanceof Boolean ? value.toString() : "";
  }

  public int baselineBuild() {
    return baselineBuild;
  }

  public String verdict() {
    return verdict;
  }

  public boolean abiChanged() {
    return abiChanged;
  }

  public boolean failOnAbiChange() {
    return failOnAbiChange;
  }

  public int breaking() {
    return breaking;
  }

  public List<String> breaks() {
    return List.copyOf(breaks);
  }

  /** The page's first line: "no ABI change since #41" or "ABI CHANGE since #41: ...". */
  public String headline() {
    if (!abiChanged) {
      return "no ABI change since #" + baselineBuild + (verdict.equals("no ABI change") || verdict.isEmpty() ? "" : " (" + verdict + ")");
    }
    return "ABI CHANGE since #" + baselineBuild + ": " + breaking + " breaking"
        + (failOnAbiChange ? " (fails the build: failOnAbiChange)" : " (reported, not a failure)");
  }
}
