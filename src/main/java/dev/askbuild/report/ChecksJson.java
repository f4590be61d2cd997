package dev.askbuild.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.askbuild.check.Artifact;
import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckResult;
import dev.askbuild.check.CheckStatus;
import java.util.List;

/** {@code checks.json}: every artifact with every check, status, expected, actual and detail. */
final class ChecksJson {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ChecksJson() {}

  static String render(CheckReport report, String board) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("board", board);
    root.put("passed", report.passed());
    ObjectNode summary = root.putObject("summary");
    summary.put("artifacts", report.artifacts().size());
    for (CheckStatus s : CheckStatus.values()) {
      summary.put(s.label(), report.count(s));
    }
    report.kernel().ifPresent(k -> root.putObject("kernel").put("release", k.release()).put("configSha256", k.configSha256()));
    ArrayNode artifacts = root.putArray("artifacts");
    java.util.Map<String, List<CheckResult>> byArtifact =
        report.results().stream().collect(java.util.stream.Collectors.groupingBy(CheckResult::artifact));
    for (Artifact a : report.artifacts()) {
      ObjectNode node = artifacts.addObject();
      node.put("path", a.path()).put("kind", a.kind()).put("size", a.size()).put("sha256", a.sha256());
      List<CheckResult> results = byArtifact.getOrDefault(a.path(), List.of());
      node.put("status", results.stream().anyMatch(CheckResult::failed) ? "fail" : "pass");
      ArrayNode checks = node.putArray("checks");
      for (CheckResult r : results) {
        checks.addObject()
            .put("check", r.check())
            .put("status", r.status().label())
            .put("expected", r.expected())
            .put("actual", r.actual())
            .put("detail", r.detail());
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
