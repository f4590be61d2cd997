package dev.askbuild.diff;

import java.util.List;

/**
 * The diff as HTML without CSS or script, readable under {@code default-src 'none'} (Jenkins'
 * artifact view): the verdict, the moved inputs, the breaking changes open, the others folded in
 * {@code <details>}. Colour comes from presentational attributes ({@code bgcolor}, {@code
 * border}), which no Content-Security-Policy directive governs, so nothing is blocked and the page
 * needs no second file.
 */
public final class DiffHtml {
  static final String BREAK_COLOUR = "#f8c9c9";
  static final String OK_COLOUR = "#d4f3d4";
  private static final int FOLDED_ROWS = 2000;

  private DiffHtml() {}

  /** A page of its own ({@code askbuild diff --html FILE}). */
  public static String page(AbiDiff diff) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\">")
        .append("<title>askbuild diff: ").append(esc(diff.verdict())).append("</title></head><body>\n")
        .append("<h1>askbuild diff</h1>\n");
    fragment(sb, diff, 2);
    return sb.append("</body></html>\n").toString();
  }

  /** The diff as a section of another page; its headings are {@code <h(level)>}. */
  public static void fragment(StringBuilder sb, AbiDiff diff, int level) {
    String h2 = "h" + level;
    sb.append("<table id=\"abi-verdict\" border=\"2\" cellpadding=\"6\" width=\"100%\" bgcolor=\"")
        .append(diff.abiChanged() ? BREAK_COLOUR : OK_COLOUR).append("\"><tr><td><b>")
        .append(esc(diff.verdict())).append("</b></td></tr></table>\n");
    sb.append("<p>Baseline <code>").append(esc(diff.baseline())).append("</code> (").append(diff.baselineArtifacts())
        .append(" artifacts").append(kernel(diff.baselineKernel())).append("), current <code>").append(esc(diff.current()))
        .append("</code> (").append(diff.currentArtifacts()).append(" artifacts").append(kernel(diff.currentKernel()))
        .append(").");
    if (!diff.abiCompared()) {
      sb.append(" One side has no abi.json: files, sizes and hashes compared, not symbols.");
    }
    sb.append("</p>\n");
    if (!diff.inputs().isEmpty()) {
      sb.append('<').append(h2).append(">Inputs that moved</").append(h2).append(">\n")
          .append("<table id=\"abi-inputs\" border=\"1\" cellpadding=\"3\"><tr><th>Input</th><th>Baseline</th><th>Current</th><th>Origin</th></tr>\n");
      for (InputChange i : diff.inputs()) {
        sb.append("<tr><td>").append(esc(i.name())).append("</td><td><code>").append(esc(i.before()))
            .append("</code></td><td><code>").append(esc(i.after())).append("</code></td><td>").append(esc(i.origin()))
            .append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    List<Change> breaks = diff.breaks();
    if (!breaks.isEmpty()) {
      sb.append('<').append(h2).append(">ABI breaks (").append(breaks.size()).append(")</").append(h2).append(">\n");
      table(sb, "abi-breaks", breaks, BREAK_COLOUR);
    }
    List<Change> others = diff.changes().stream().filter(c -> !c.breaking()).toList();
    if (!others.isEmpty()) {
      sb.append("<details id=\"abi-other\"><summary>Other changes (").append(others.size())
          .append(": sizes, added symbols, paths)</summary>\n");
      table(sb, "abi-changes", others.subList(0, Math.min(FOLDED_ROWS, others.size())), null);
      if (others.size() > FOLDED_ROWS) {
        sb.append("<p>").append(others.size() - FOLDED_ROWS).append(" more in abi-diff.json</p>\n");
      }
      sb.append("</details>\n");
    }
  }

  private static String kernel(String release) {
    return release.isEmpty() ? "" : ", kernel " + esc(release);
  }

  private static void table(StringBuilder sb, String id, List<Change> changes, String colour) {
    sb.append("<table id=\"").append(id).append("\" border=\"1\" cellpadding=\"3\" width=\"100%\">")
        .append("<tr><th>Artifact</th><th>Module</th><th>Change</th><th>Symbol / section</th><th>Baseline</th>")
        .append("<th>Current</th><th>Cause</th></tr>\n");
    for (Change c : changes) {
      row(sb, c, colour);
    }
    sb.append("</table>\n");
  }

  private static void row(StringBuilder sb, Change c, String colour) {
    sb.append(colour == null ? "<tr>" : "<tr bgcolor=\"" + colour + "\">")
        .append("<td><code>").append(esc(c.artifact())).append("</code></td><td>").append(esc(c.module()))
        .append("</td><td>").append(esc(c.aspect())).append("</td><td><code>").append(esc(c.subject()))
        .append("</code></td><td>").append(esc(c.before())).append("</td><td>").append(esc(c.after()))
        .append("</td><td>").append(esc(String.join(", ", c.causes()))).append("</td></tr>\n");
  }

  /** HTML text and attribute escaping. */
  public static String esc(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        default -> null;
      };
      if (r != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (r != null) {
          sb.append(r);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }
}
