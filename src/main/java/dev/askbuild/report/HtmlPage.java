package dev.askbuild.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.askbuild.check.Artifact;
import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckResult;
import dev.askbuild.check.CheckStatus;
import dev.askbuild.diff.AbiDiff;
import dev.askbuild.diff.DiffHtml;
import dev.askbuild.diff.InputFact;
import dev.askbuild.diff.ProvenanceInputs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code report.html}, for a person: the verdict and the failures first, then the diff against the
 * baseline when there is one, then the artifacts grouped by kind, each with its checks folded in a
 * {@code <details>} (its pass count in the summary line) and open when one failed, then the build:
 * askbuild's version, the epoch, the kernel release and config hash, every input with its hash and
 * origin.
 *
 * <p>One file, no script, no CSS: it is read in Jenkins' artifact view, whose Content-Security-Policy
 * ({@code default-src 'none'; style-src 'self'}, written into the page too) blocks inline styles
 * and scripts. A sibling style sheet would be allowed there but not beside a page mailed or opened
 * alone, so the page uses only what no CSP directive governs: {@code <details>} to fold, {@code
 * bgcolor} and {@code border} attributes to mark failures. Nothing is blocked and nothing is missing.
 */
final class HtmlPage {
  static final String CSP = "default-src 'none'; style-src 'self'";
  private static final String FAIL = "#f8c9c9";
  private static final String PASS = "#d4f3d4";
  private static final String INFO = "#eeeeee";

  private HtmlPage() {}

  /** The page without a provenance or a diff (tests of the check alone). */
  static String render(CheckReport report, String board) {
    return render(report, board, null, Optional.empty(), false);
  }

  static String render(CheckReport report, String board, JsonNode provenance, Optional<AbiDiff> diff, boolean failOnAbi) {
    long failed = report.count(CheckStatus.FAIL);
    boolean abiFails = failOnAbi && diff.map(AbiDiff::abiChanged).orElse(false);
    boolean bad = failed > 0 || abiFails;
    StringBuilder sb = new StringBuilder(4096 + report.results().size() * 160);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">")
        .append("<title>askbuild check: ").append(bad ? "FAILED" : "passed").append(" &mdash; ").append(esc(board))
        .append("</title></head><body>\n");
    sb.append("<h1>askbuild check &mdash; ").append(esc(board)).append("</h1>\n");
    sb.append("<table id=\"verdict\" border=\"2\" cellpadding=\"8\" width=\"100%\" bgcolor=\"").append(bad ? FAIL : PASS)
        .append("\"><tr><td>\n<p id=\"summary\" class=\"summary ").append(bad ? "fail" : "pass").append("\">")
        .append(bad ? "FAILED: " : "PASSED: ")
        .append(failed).append(" failed, ")
        .append(report.count(CheckStatus.PASS)).append(" passed, ")
        .append(report.count(CheckStatus.INFO)).append(" informational, in ")
        .append(report.artifacts().size()).append(" artifacts</p>\n");
    diff.ifPresent(d -> sb.append("<p id=\"abi-summary\">ABI against the baseline: <b>").append(esc(d.verdict()))
        .append("</b>").append(d.abiChanged() ? (failOnAbi ? " (a failure: --fail-on-abi-change)" : " (reported, not a failure)") : "")
        .append("</p>\n"));
    report.kernel().ifPresent(k -> sb.append("<p id=\"kernel\">Kernel release <code>").append(esc(k.release()))
        .append("</code>, .config sha256 <code>").append(esc(k.configSha256())).append("</code></p>\n"));
    sb.append("</td></tr></table>\n");

    List<CheckResult> failures = report.failures();
    sb.append("<h2>Failures (").append(failures.size()).append(")</h2>\n");
    if (failures.isEmpty()) {
      sb.append("<p id=\"failures\">No check failed.</p>\n");
    } else {
      sb.append("<table id=\"failures\" border=\"1\" cellpadding=\"3\" width=\"100%\"><tr><th>Artifact</th><th>Check</th>")
          .append("<th>Expected</th><th>Actual</th><th>Detail</th></tr>\n");
      for (CheckResult r : failures) {
        sb.append("<tr bgcolor=\"").append(FAIL).append("\"><td><code>").append(esc(r.artifact())).append("</code></td><td>")
            .append(esc(r.check())).append("</td><td>").append(esc(r.expected())).append("</td><td>")
            .append(esc(r.actual())).append("</td><td>").append(esc(r.detail())).append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    diff.ifPresent(d -> {
      sb.append("<h2 id=\"abi\">ABI and size diff against the baseline</h2>\n");
      DiffHtml.fragment(sb, d, 3);
    });
    artifacts(sb, report);
    build(sb, report, board, provenance);
    return sb.append("</body></html>\n").toString();
  }

  private static void artifacts(StringBuilder sb, CheckReport report) {
    Map<String, List<CheckResult>> byArtifact =
        report.results().stream().collect(Collectors.groupingBy(CheckResult::artifact));
    Map<String, List<Artifact>> byKind = new TreeMap<>();
    report.artifacts().forEach(a -> byKind.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(a));
    sb.append("<h2>Artifacts (").append(report.artifacts().size()).append(")</h2>\n");
    for (Map.Entry<String, List<Artifact>> group : byKind.entrySet()) {
      sb.append("<h3>").append(esc(group.getKey())).append(" (").append(group.getValue().size()).append(")</h3>\n");
      for (Artifact a : group.getValue()) {
        artifact(sb, a, byArtifact.getOrDefault(a.path(), List.of()));
      }
    }
  }

  /** One artifact a method of its own, so that the JIT compiles it early (see JunitXml.testcase). */
  private static void artifact(StringBuilder sb, Artifact a, List<CheckResult> results) {
    long failed = 0;
    long passed = 0;
    for (CheckResult r : results) {
      if (r.failed()) {
        failed++;
      } else if (r.status() == CheckStatus.PASS) {
        passed++;
      }
    }
    sb.append(failed > 0 ? "<details open class=\"fail\">" : "<details>").append("<summary><code>").append(esc(a.path()))
        .append("</code> &mdash; ").append(passed).append(" passed");
    if (failed > 0) {
      sb.append(", <b>").append(failed).append(" FAILED</b>");
    }
    sb.append("</summary>\n<table border=\"1\" cellpadding=\"3\">");
    for (CheckResult r : results) {
      String colour = r.failed() ? FAIL : r.status() == CheckStatus.INFO ? INFO : null;
      sb.append(colour == null ? "<tr>" : "<tr bgcolor=\"" + colour + "\">").append("<td>").append(r.status().name())
          .append("</td><td>").append(esc(r.check())).append("</td><td>").append(esc(r.expected()))
          .append("</td><td>").append(esc(r.actual())).append("</td><td>").append(esc(r.detail())).append("</td></tr>");
    }
    sb.append("</table>\n<p>").append(a.size()).append(" bytes, sha256 <code>").append(a.sha256())
        .append("</code></p></details>\n");
  }

  private static void build(StringBuilder sb, CheckReport report, String board, JsonNode provenance) {
    sb.append("<h2>Build</h2>\n<table id=\"build\" border=\"1\" cellpadding=\"3\">");
    row(sb, "askbuild", dev.askbuild.core.Version.NUMBER);
    row(sb, "board", board);
    row(sb, "target", report.target().triple());
    if (provenance != null && provenance.has("epoch")) {
      long epoch = provenance.get("epoch").asLong();
      row(sb, "epoch (SOURCE_DATE_EPOCH)", epoch + " (" + Instant.ofEpochSecond(epoch) + ")");
    }
    report.kernel().ifPresent(k -> {
      row(sb, "kernel release", k.release());
      row(sb, "kernel .config sha256", k.configSha256());
    });
    sb.append("</table>\n");
    if (provenance == null) {
      return;
    }
    Map<String, InputFact> inputs = ProvenanceInputs.of(provenance);
    sb.append("<h3>Inputs (").append(inputs.size()).append(")</h3>\n<table id=\"inputs\" border=\"1\" cellpadding=\"3\">")
        .append("<tr><th>Input</th><th>SHA-256 or value</th><th>Origin</th></tr>\n");
    for (InputFact i : inputs.values()) {
      sb.append("<tr><td>").append(esc(i.name())).append("</td><td><code>").append(esc(i.value())).append("</code></td><td>")
          .append(esc(i.origin())).append("</td></tr>\n");
    }
    sb.append("</table>\n");
  }

  private static void row(StringBuilder sb, String name, String value) {
    sb.append("<tr><th align=\"left\">").append(esc(name)).append("</th><td><code>").append(esc(value)).append("</code></td></tr>");
  }

  static String esc(String s) {
    if (JunitXml.plain(s)) {
      return s; // nothing to escape, not even a quote: the common case, without the replace scan
    }
    return JunitXml.text(s).replace("\"", "&quot;");
  }
}
