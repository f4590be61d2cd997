package dev.askbuild.jenkins.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckSummaryTest {
  static final String CHECKS = """
      {"board": "demo", "passed": false, "summary": {"artifacts": 2},
       "artifacts": [
        {"path": "hello", "kind": "exec", "status": "pass", "checks": [
          {"check": "machine", "status": "pass", "expected": "AArch64", "actual": "AArch64", "detail": ""},
          {"check": "relro", "status": "info", "expected": "", "actual": "partial", "detail": ""}]},
        {"path": "<b>alpha</b>.ko", "kind": "module", "status": "fail", "checks": [
          {"check": "abi", "status": "pass", "expected": "", "actual": "", "detail": ""},
          {"check": "vermagic", "status": "fail", "expected": "6.12 SMP", "actual": "6.1 SMP", "detail": "built for \\"another\\" kernel"}]}]}
      """;

  @Test
  void failingChecksComeFirstWithCountsAndTheReportLink() {
    CheckSummary s = CheckSummary.fromChecks(Json.read(CHECKS), "askbuild-out");
    assertThat(s.passed()).isFalse();
    assertThat(s.failedChecks()).isEqualTo(1);
    assertThat(s.passedChecks()).isEqualTo(2);
    assertThat(s.rows()).extracting(CheckSummary.Row::check).containsExactly("vermagic", "abi", "machine", "relro");
    assertThat(s.reportHref()).isEqualTo("artifact/askbuild-out/reports/report.html");
  }

  @Test
  void htmlEscapesEngineValuesAndListsTheFailureBeforeThePasses() {
    String html = SummaryHtml.render(CheckSummary.fromChecks(Json.read(CHECKS), "out"));
    assertThat(html).contains("FAILED</b> — 1 failed, 2 passed.")
        .contains("<a href=\"artifact/out/reports/report.html\">report.html</a>")
        .contains("&lt;b&gt;alpha&lt;/b&gt;.ko").doesNotContain("<b>alpha</b>")
        .contains("built for &quot;another&quot; kernel");
    assertThat(html.indexOf("vermagic")).isLessThan(html.indexOf("machine"));
  }

  @Test
  void longPassingListsAreCutButNeverAFailure() {
    StringBuilder json = new StringBuilder("{\"board\":\"demo\",\"passed\":false,\"artifacts\":[{\"path\":\"a\",\"checks\":[");
    for (int i = 0; i < 300; i++) {
      json.append(i == 0 ? "" : ",").append("{\"check\":\"c").append(1000 + i).append("\",\"status\":\"")
          .append(i >= 290 ? "fail" : "pass").append("\"}");
    }
    CheckSummary s = CheckSummary.fromChecks(Json.read(json.append("]}]}").toString()), "o");
    assertThat(s.rows()).hasSize(CheckSummary.MAX_ROWS);
    assertThat(s.rows().subList(0, 10)).allMatch(r -> r.status().equals("fail"));
    assertThat(s.omittedRows()).isEqualTo(100);
    assertThat(SummaryHtml.render(s)).contains("100 more passing checks are in the report.");
  }

  /** Issue 21 item 3: the page says since which build nothing broke, or lists the breaks before the checks. */
  @Test
  void theDiffAgainstTheBaselineComesFirstBreaksListed() {
    CheckSummary checks = CheckSummary.fromChecks(Json.read(CHECKS), "out");
    String same = SummaryHtml.render(checks.withAbi(AbiSummary.from(41,
        Json.read("{\"verdict\":\"no change\",\"abiChanged\":false,\"breaking\":0}"), null)));
    assertThat(same).contains("<b>no ABI change since #41 (no change)</b>");
    assertThat(same.indexOf("since #41")).isLessThan(same.indexOf("ask-build checks for"));

    String broken = SummaryHtml.render(checks.withAbi(AbiSummary.from(41,
        Json.read("{\"verdict\":\"ABI CHANGE: 1 breaking\",\"abiChanged\":true,\"failOnAbiChange\":true,\"breaking\":1}"),
        Json.read("{\"changes\":[{\"artifact\":\"beta.ko\",\"module\":\"beta\",\"aspect\":\"import crc\","
            + "\"subject\":\"<alpha_scale>\",\"before\":\"0x1\",\"after\":\"0x2\",\"breaking\":true},"
            + "{\"artifact\":\"hello\",\"module\":\"\",\"aspect\":\"size\",\"subject\":\"\",\"before\":\"1\",\"after\":\"2\",\"breaking\":false}]}"))));
    assertThat(broken).contains("<b>ABI CHANGE since #41: 1 breaking (fails the build: failOnAbiChange)</b>")
        .contains("<li>beta.ko (module beta): import crc &lt;alpha_scale&gt;: 0x1 -&gt; 0x2</li>")
        .doesNotContain("<alpha_scale>").doesNotContain("size");
    assertThat(broken.indexOf("beta.ko (module beta)")).isLessThan(broken.indexOf("ask-build checks for"));
    assertThat(SummaryHtml.render(checks)).doesNotContain("ABI");
  }

  @Test
  void aBrokenChecksJsonIsNamed() {
    assertThatThrownBy(() -> CheckSummary.fromChecks(Json.read("{\"board\":1}"), "o")).hasMessageContaining("checks.json");
  }
}
