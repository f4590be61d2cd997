package dev.askbuild.jenkins.adapter;

/**
 * The build page's summary of {@code askCheck} as an HTML fragment: against a baseline, "no ABI
 * change since #N" or the breaks first; then the verdict and counts, the link to the archived
 * report, then a table of checks with failing ones first. Every value from
 * the engine is escaped (a binary's path or a symbol name is input, not markup).
 */
public final class SummaryHtml {
  private SummaryHtml() {}

  public static String render(CheckSummary s) {
    if (s == null) {
      return "";
    }
    StringBuilder h = new StringBuilder();
    h.append("<div class=\"askbuild-summary\">\n");
    AbiSummary abi = s.abi();
    if (abi != null) {
      h.append("<p class=\"askbuild-abi\"><b>").append(escape(abi.headline())).append("</b></p>\n");
      if (!abi.breaks().isEmpty()) {
        h.append("<ul class=\"askbuild-abi-breaks\">\n");
        for (String line : abi.breaks()) {
          h.append("<li>").append(escape(line)).append("</li>\n");
        }
        h.append("</ul>\n");
      }
      if (abi.breaking() > abi.breaks().size()) {
        h.append("<p>").append(abi.breaking() - abi.breaks().size()).append(" more breaks are in abi-diff.json.</p>\n");
      }
    }
    h.append("<p><b>ask-build checks for ").append(escape(s.board())).append(": ")
        .append(s.passed() ? "passed" : "FAILED").append("</b> — ")
        .append(s.failedChecks()).append(" failed, ").append(s.passedChecks()).append(" passed. ")
        .append("<a href=\"").append(escape(s.reportHref())).append("\">report.html</a></p>\n");
    h.append("<table class=\"jenkins-table jenkins-table--small\">\n")
        .append("<thead><tr><th>status</th><th>artifact</th><th>check</th><th>expected</th><th>actual</th><th>detail</th></tr></thead>\n<tbody>\n");
    for (CheckSummary.Row r : s.rows()) {
      h.append("<tr class=\"askbuild-").append(escape(r.status())).append("\">");
      for (String cell : new String[] {r.status(), r.artifact(), r.check(), r.expected(), r.actual(), r.detail()}) {
        h.append("<td>").append(escape(cell)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
    if (s.omittedRows() > 0) {
      h.append("<p>").append(s.omittedRows()).append(" more passing checks are in the report.</p>\n");
    }
    return h.append("</div>\n").toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
