package dev.askbuild.jenkins.adapter;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the build page shows after {@code askCheck}: passed and failed counts, every check row with
 * the failing ones first, and the link to the archived {@code report.html}. Built from the
 * engine's {@code checks.json}. Saved with the build by XStream, which cannot read records back:
 * plain classes with final fields.
 */
public final class CheckSummary implements Serializable {
  private static final long serialVersionUID = 2L;
  /** The page lists at most this many rows (all failing ones first); the report has the rest. */
  public static final int MAX_ROWS = 200;

  private final String board;
  private final boolean passed;
  private final int passedChecks;
  private final int failedChecks;
  private final ArrayList<Row> rows;
  private final int omittedRows;
  private final String reportHref;
  /** The diff against the baseline build, or null when there was none (and in builds saved before). */
  private final AbiSummary abi;

  public CheckSummary(String board, boolean passed, int passedChecks, int failedChecks, List<Row> rows,
      int omittedRows, String reportHref) {
    this.board = board;
    this.passed = passed;
    this.passedChecks = passedChecks;
    this.failedChecks = failedChecks;
    this.rows = new ArrayList<>(rows);
    this.omittedRows = omittedRows;
    this.reportHref = reportHref;
    this.abi = null;
  }

  private CheckSummary(CheckSummary s, AbiSummary abi) {
    this.board = s.board;
    this.passed = s.passed;
    this.passedChecks = s.passedChecks;
    this.failedChecks = s.failedChecks;
    this.rows = s.rows;
    this.omittedRows = s.omittedRows;
    this.reportHref = s.reportHref;
    this.abi = abi;
  }

  /** This summary with the diff against the baseline. */
  public CheckSummary withAbi(AbiSummary abiSummary) {
    return new CheckSummary(this, abiSummary);
  }

  public AbiSummary abi() {
    return abi;
  }

  /** One check of one artifact. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 2L;

    private final String artifact;
    private final String check;
    private final String status;
    private final String expected;
    private final String actual;
    private final String detail;

    public Row(String artifact, String check, String status, String expected, String actual, String detail) {
      this.artifact = artifact;
      this.check = check;
      this.status = status;
      this.expected = expected;
      this.actual = actual;
      this.detail = detail;
    }

    public String artifact() {
      return artifact;
    }

    public String check() {
      return check;
    }

    public String status() {
      return status;
    }

    public String expected() {
      return expected;
    }

    public String actual() {
      return actual;
    }

    public String detail() {
      return detail;
    }

    boolean failed() {
      return status.equals("fail");
    }
  }

  public String board() {
    return board;
  }

  public boolean passed() {
    return passed;
  }

  public int passedChecks() {
    return passedChecks;
  }

  public int failedChecks() {
    return failedChecks;
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  public int omittedRows() {
    return omittedRows;
  }

  public String reportHref() {
    return reportHref;
  }

  /**
   * @param root checks.json as maps and lists (json-lib's in Jenkins, Jackson's in tests)
   * @param out the step's output directory relative to the workspace, which the Archive stage
   *     archives as is, so the report is at {@code artifact/<out>/reports/report.html}
   */
  public static CheckSummary fromChecks(Map<?, ?> root, String out) {
    if (root == null || !(root.get("artifacts") instanceof List<?> artifacts)) {
      throw new IllegalArgumentException("checks.json has no artifacts array");
    }
    List<Row> rows = new ArrayList<>();
    for (Object a : artifacts) {
      if (!(a instanceof Map<?, ?> artifact) || !(artifact.get("checks") instanceof List<?> checks)) {
        continue;
      }
      for (Object o : checks) {
        if (o instanceof Map<?, ?> c) {
          rows.add(new Row(text(artifact.get("path")), text(c.get("check")), text(c.get("status")),
              text(c.get("expected")), text(c.get("actual")), text(c.get("detail"))));
        }
      }
    }
    // Stable: failing first, then by artifact and check, as the report orders them.
    rows.sort(Comparator.comparing((Row r) -> !r.failed()).thenComparing(Row::artifact).thenComparing(Row::check));
    int failed = (int) rows.stream().filter(Row::failed).count();
    int passedCount = (int) rows.stream().filter(r -> r.status().equals("pass")).count();
    int shown = Math.max(Math.min(rows.size(), MAX_ROWS), failed);
    boolean passed = failed == 0 && !Boolean.FALSE.equals(root.get("passed"));
    return new CheckSummary(text(root.get("board")), passed, passedCount, failed, rows.subList(0, shown),
        rows.size() - shown, reportHref(out));
  }

  /** A JSON string, or "" for a missing or null one (json-lib's JSONNull prints "null"). */
  private static String text(Object value) {
    return value instanceof String s ? s : value instanceof Number || value instanceof Boolean ? value.toString() : "";
  }

  public static String reportHref(String out) {
    return "artifact/" + out + "/reports/report.html";
  }
}
