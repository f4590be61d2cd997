package dev.askbuild.report;

import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckResult;
import dev.askbuild.check.CheckStatus;

/**
 * {@code checks.xml} in the JUnit format Jenkins' {@code junit} step reads: one testsuite, one
 * testcase per artifact and check (classname = artifact, name = check), failures with a message.
 */
final class JunitXml {
  private JunitXml() {}

  static String render(CheckReport report) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuite name=\"askbuild.check\" tests=\"").append(report.results().size())
        .append("\" failures=\"").append(report.count(CheckStatus.FAIL))
        .append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
    for (CheckResult r : report.results()) {
      testcase(sb, r);
    }
    return sb.append("</testsuite>\n").toString();
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
