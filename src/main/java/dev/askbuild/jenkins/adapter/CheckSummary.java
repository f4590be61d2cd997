package dev.askbuild.jenkins.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the build page shows after {@code askCheck}: passed and failed counts, every check row with
 * the failing ones first, and the link to the archived {@code report.html}. Built from the
 * engine's {@code checks.json}; kept with the build, so plain serializable data.
 */
public record CheckSummary(String board, boolean passed, int passedChecks, int failedChecks, List<Row> rows,
    int omittedRows, String reportHref) implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The page lists at most this many rows (all failing ones first); the report has the rest. */
  public static final int MAX_ROWS = 200;

  /** One check of one artifact. */
  public record Row(String artifact, String check, String status, String expected, String actual, String detail)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    boolean failed() {
      return status.equals("fail");
    }
  }

  public CheckSummary {
    rows = List.copyOf(rows);
  }

  /**
   * @param out the step's output directory relative to the workspace, which the Archive stage
   *     archives as is, so the report is at {@code artifact/<out>/reports/report.html}
   */
  public static CheckSummary fromChecksJson(String json, String out) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("checks.json is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("artifacts").isArray()) {
      throw new IllegalArgumentException("checks.json has no artifacts array");
    }
    List<Row> rows = new ArrayList<>();
    for (JsonNode artifact : root.get("artifacts")) {
      for (JsonNode c : artifact.path("checks")) {
        rows.add(new Row(artifact.path("path").asText(), c.path("check").asText(), c.path("status").asText(),
            c.path("expected").asText(""), c.path("actual").asText(""), c.path("detail").asText("")));
      }
    }
    // Stable: failing first, then by artifact and check, as the report orders them.
    rows.sort(Comparator.comparing((Row r) -> !r.failed()).thenComparing(Row::artifact).thenComparing(Row::check));
    int failed = (int) rows.stream().filter(Row::failed).count();
    int passedCount = (int) rows.stream().filter(r -> r.status().equals("pass")).count();
    int shown = Math.max(Math.min(rows.size(), MAX_ROWS), failed);
    return new CheckSummary(root.path("board").asText(""), failed == 0 && root.path("passed").asBoolean(true),
        passedCount, failed, rows.subList(0, shown), rows.size() - shown, reportHref(out));
  }

  public static String reportHref(String out) {
    return "artifact/" + out + "/reports/report.html";
  }
}
