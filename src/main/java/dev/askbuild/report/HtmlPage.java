package dev.askbuild.report;

import dev.askbuild.check.Artifact;
import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckResult;
import dev.askbuild.check.CheckStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report.html}: one self-contained page without JavaScript or outside resources. The summary
 * comes first, then the checks with failing rows first, then every artifact with size and SHA-256.
 */
final class HtmlPage {
  private static final String STYLE =
      "body{font-family:sans-serif;margin:1.5em;color:#222}"
          + "table{border-collapse:collapse;width:100%;margin-bottom:2em;font-size:13px}"
          + "th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}"
          + "th{background:#eee}td.mono{font-family:monospace;word-break:break-all}"
          + "tr.fail td{background:#fde2e2}tr.info td{color:#555}"
          + ".summary{font-size:1.3em;padding:.5em;border-radius:4px}"
          + ".summary.fail{background:#f8c9c9;border:2px solid #c00}.summary.pass{background:#d4f3d4;border:2px solid #080}";

  private HtmlPage() {}

  static String render(CheckReport report, String board) {
    long failed = report.count(CheckStatus.FAIL);
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>askbuild check: ").append(failed > 0 ? "FAILED" : "passed").append("</title>")
        .append("<style>").append(STYLE).append("</style></head><body>\n");
    sb.append("<h1>askbuild check &mdash; ").append(esc(board)).append("</h1>\n");
    sb.append("<p id=\"summary\" class=\"summary ").append(failed > 0 ? "fail" : "pass").append("\">")
        .append(failed > 0 ? "FAILED: " : "PASSED: ")
        .append(failed).append(" failed, ")
        .append(report.count(CheckStatus.PASS)).append(" passed, ")
        .append(report.count(CheckStatus.INFO)).append(" informational, in ")
        .append(report.artifacts().size()).append(" artifacts</p>\n");
    report.kernel().ifPresent(k -> sb.append("<p id=\"kernel\">Kernel release <code>").append(esc(k.release()))
        .append("</code>, .config sha256 <code>").append(esc(k.configSha256())).append("</code></p>\n"));

    List<CheckResult> rows = new ArrayList<>(report.failures());
    report.results().stream().filter(r -> !r.failed()).forEach(rows::add);
    sb.append("<h2>Checks</h2>\n<table id=\"checks\"><thead><tr><th>Status</th><th>Artifact</th><th>Check</th>")
        .append("<th>Expected</th><th>Actual</th><th>Detail</th></tr></thead><tbody>\n");
    for (CheckResult r : rows) {
      checkRow(sb, r);
    }
    sb.append("</tbody></table>\n");
    sb.append("<h2>Artifacts</h2>\n<table id=\"artifacts\"><thead><tr><th>Path</th><th>Kind</th><th>Size (bytes)</th>")
        .append("<th>SHA-256</th></tr></thead><tbody>\n");
    for (Artifact a : report.artifacts()) {
      artifactRow(sb, a);
    }
    return sb.append("</tbody></table>\n</body></html>\n").toString();
  }

  /** One row a method of its own, so that the JIT compiles it early (see JunitXml.testcase). */
  private static void checkRow(StringBuilder sb, CheckResult r) {
    sb.append("<tr class=\"").append(r.status().label()).append("\"><td>").append(r.status().name())
        .append("</td><td class=\"mono\">").append(esc(r.artifact()))
        .append("</td><td>").append(esc(r.check()))
        .append("</td><td>").append(esc(r.expected()))
        .append("</td><td>").append(esc(r.actual()))
        .append("</td><td>").append(esc(r.detail())).append("</td></tr>\n");
  }

  private static void artifactRow(StringBuilder sb, Artifact a) {
    sb.append("<tr><td class=\"mono\">").append(esc(a.path())).append("</td><td>").append(esc(a.kind()))
        .append("</td><td>").append(a.size()).append("</td><td class=\"mono\">").append(a.sha256()).append("</td></tr>\n");
  }

  static String esc(String s) {
    if (JunitXml.plain(s)) {
      return s; // nothing to escape, not even a quote: the common case, without the replace scan
    }
    return JunitXml.text(s).replace("\"", "&quot;");
  }
}
