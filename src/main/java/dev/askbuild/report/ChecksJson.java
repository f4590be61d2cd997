package dev.askbuild.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.askbuild.check.Artifact;
import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckResult;
import dev.askbuild.check.CheckStatus;
import dev.askbuild.diff.AbiDiff;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code checks.json}: every artifact with every check, status, expected, actual and detail. */
final class ChecksJson {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ChecksJson() {}

  static String render(CheckReport report, String board) {
    return render(report, board, java.util.Optional.empty(), false);
  }

  /**
   * With a diff against a baseline, {@code abiDiff} holds its verdict and counts (the whole diff is
   * abi-diff.json), and {@code passed} is false for an ABI break under {@code failOnAbi}.
   */
  static String render(CheckReport report, String board, java.util.Optional<AbiDiff> diff, boolean failOnAbi) {
    // Streamed rather than built as a tree: a dist of thousands of modules has tens of thousands
    // of checks, and the tree only doubled the work.
    StringWriter out = new StringWriter();
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField("board", board);
      g.writeBooleanField("passed", report.passed() && !(failOnAbi && diff.map(AbiDiff::abiChanged).orElse(false)));
      g.writeObjectFieldStart("summary");
      g.writeNumberField("artifacts", report.artifacts().size());
      for (CheckStatus s : CheckStatus.values()) {
        g.writeNumberField(s.label(), report.count(s));
      }
      g.writeEndObject();
      if (report.kernel().isPresent()) {
        g.writeObjectFieldStart("kernel");
        g.writeStringField("release", report.kernel().get().release());
        g.writeStringField("configSha256", report.kernel().get().configSha256());
        g.writeEndObject();
      }
      // Every failure once more at the top, each naming its file: also one whose file is not in
      // dist (removed after the compile stage delivered it), which no artifact entry below holds.
      g.writeArrayFieldStart("failures");
      for (CheckResult r : report.failures()) {
        g.writeStartObject();
        g.writeStringField("artifact", r.artifact());
        g.writeStringField("check", r.check());
        g.writeStringField("expected", r.expected());
        g.writeStringField("actual", r.actual());
        g.writeStringField("detail", r.detail());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (diff.isPresent()) {
        AbiDiff d = diff.get();
        g.writeObjectFieldStart("abiDiff");
        g.writeStringField("baseline", d.baseline());
        g.writeStringField("verdict", d.verdict());
        g.writeBooleanField("abiChanged", d.abiChanged());
        g.writeBooleanField("failOnAbiChange", failOnAbi);
        g.writeNumberField("breaking", d.breaks().size());
        g.writeNumberField("changes", d.changes().size());
        g.writeNumberField("inputsMoved", d.inputs().size());
        g.writeStringField("file", ReportWriter.ABI_DIFF);
        g.writeEndObject();
      }
      Map<String, List<CheckResult>> byArtifact =
          report.results().stream().collect(Collectors.groupingBy(CheckResult::artifact));
      g.writeArrayFieldStart("artifacts");
      for (Artifact a : report.artifacts()) {
        artifact(g, a, byArtifact.getOrDefault(a.path(), List.of()));
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to a string cannot fail", e);
    }
    return out + "\n";
  }

  /** One artifact a method of its own, so that the JIT compiles it early (see JunitXml.testcase). */
  private static void artifact(JsonGenerator g, Artifact a, List<CheckResult> results) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", a.path());
    g.writeStringField("kind", a.kind());
    g.writeNumberField("size", a.size());
    g.writeStringField("sha256", a.sha256());
    g.writeStringField("status", results.stream().anyMatch(CheckResult::failed) ? "fail" : "pass");
    g.writeArrayFieldStart("checks");
    for (CheckResult r : results) {
      g.writeStartObject();
      g.writeStringField("check", r.check());
      g.writeStringField("status", r.status().label());
      g.writeStringField("expected", r.expected());
      g.writeStringField("actual", r.actual());
      g.writeStringField("detail", r.detail());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
