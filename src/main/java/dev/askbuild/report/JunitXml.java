package dev.askbuild.report;

import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckResult;
import dev.askbuild.check.CheckStatus;
import dev.askbuild.diff.AbiDiff;
import dev.askbuild.diff.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code checks.xml} in the JUnit format Jenkins' {@code junit} step reads: one testsuite, one
 * testcase per artifact and check (classname = artifact, name = check), failures with a message.
 */
final class JunitXml {
  private JunitXml() {}

  static String render(CheckReport report) {
    return render(report, Optional.empty(), false);
  }

  /**
   * With a diff against a baseline, a {@code <testsuites>} of two: the checks, and {@code
   * askbuild.abi} with one testcase per changed artifact (classname = artifact, name = {@code abi})
   * or one saying nothing changed. A breaking change is a {@code <failure>} only when {@code
   * failOnAbi}; otherwise the changes are the testcase's output, so Jenkins shows them without
   * marking the build unstable.
   */
  static String render(CheckReport report, Optional<AbiDiff> diff, boolean failOnAbi) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (diff.isPresent()) {
      sb.append("<testsuites>\n");
    }
    checks(sb, report);
    diff.ifPresent(d -> {
      abi(sb, d, failOnAbi);
      sb.append("</testsuites>\n");
    });
    return sb.toString();
  }

  private static void abi(StringBuilder sb, AbiDiff diff, boolean failOnAbi) {
    Map<String, List<Change>> byArtifact = new TreeMap<>();
    diff.changes().forEach(c -> byArtifact.computeIfAbsent(c.artifact(), k -> new ArrayList<>()).add(c));
    long failures = failOnAbi ? byArtifact.values().stream().filter(l -> l.stream().anyMatch(Change::breaking)).count() : 0;
    sb.append("<testsuite name=\"askbuild.abi\" tests=\"").append(Math.max(1, byArtifact.size()))
        .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
    String inputs = diff.inputs().stream().map(i -> "input moved: " + i.describe()).collect(Collectors.joining("\n"));
    if (byArtifact.isEmpty()) {
      sb.append("  <testcase classname=\"baseline\" name=\"abi\" time=\"0\">\n    <system-out>")
          .append(text(diff.verdict() + " since " + diff.baseline() + (inputs.isEmpty() ? "" : "\n" + inputs)))
          .append("</system-out>\n  </testcase>\n");
    }
    for (Map.Entry<String, List<Change>> e : byArtifact.entrySet()) {
      List<Change> changes = e.getValue();
      String lines = changes.stream().map(Change::describe).collect(Collectors.joining("\n"));
      List<Change> breaks = changes.stream().filter(Change::breaking).toList();
      sb.append("  <testcase classname=\"").append(attr(e.getKey())).append("\" name=\"abi\" time=\"0\">\n");
      if (failOnAbi && !breaks.isEmpty()) {
        sb.append("    <failure message=\"").append(attr(breaks.size() + " ABI break(s) since the baseline: " + breaks.get(0).describe()))
            .append("\" type=\"abi\">").append(text(lines)).append("</failure>\n");
      } else {
        sb.append("    <system-out>").append(text(lines)).append("</system-out>\n");
      }
      sb.append("  </testcase>\n");
    }
    sb.append("</testsuite>\n");
  }

  private static void checks(StringBuilder sb, CheckReport report) {
    sb.append("<testsuite name=\"askbuild.check\" tests=\"").append(report.results().size())
        .append("\" failures=\"").append(report.count(CheckStatus.FAIL))
        .append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
    for (CheckResult r : report.results()) {
      testcase(sb, r);
    }
    sb.append("</testsuite>\n");
  }

  /**
   * One result's testcase. A method of its own, as are the other reports' rows: a loop over tens of
   * thousands of results in one call stays in the interpreter (the JIT compiles a loop only after
   * 60,000 iterations), while a method called per result is compiled after a few hundred.
   */
  private static void testcase(StringBuilder sb, CheckResult r) {
    sb.append("  <testcase classname=\"").append(attr(r.artifact())).append("\" name=\"").append(attr(r.check()))
        .append("\" time=\"0\"");
    if (r.status() == CheckStatus.FAIL) {
      sb.append(">\n    <failure message=\"").append(attr(r.check() + ": expected " + r.expected() + ", actual " + r.actual()))
          .append("\" type=\"").append(attr(r.check())).append("\">").append(text(r.describe())).append("</failure>\n  </testcase>\n");
    } else if (r.status() == CheckStatus.INFO) {
      sb.append(">\n    <system-out>").append(text(r.describe())).append("</system-out>\n  </testcase>\n");
    } else {
      sb.append("/>\n");
    }
  }

  /** True when nothing in {@code s} needs escaping: the common case, kept cheap for big reports. */
  static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '&' || c == '<' || c == '>' || c == '"' || c < 0x20 || c >= 0xD800) {
        return false;
      }
    }
    return true;
  }

  static String attr(String s) {
    if (plain(s)) {
      return s; // no quote, no newline either: the common case, without the two replace scans
    }
    return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
  }

  static String text(String s) {
    if (plain(s)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> {
          // XML 1.0 forbids most control characters even as references.
          boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
          if (legal) {
            sb.appendCodePoint(c);
          } else {
            sb.append('?');
          }
        }
      }
    });
    return sb.toString();
  }
}
