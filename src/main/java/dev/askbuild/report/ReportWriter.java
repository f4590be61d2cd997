package dev.askbuild.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.askbuild.check.CheckReport;
import dev.askbuild.diff.AbiDiff;
import dev.askbuild.diff.DiffJson;
import dev.askbuild.diff.Differ;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Writes the report files of a check run into one directory. */
public final class ReportWriter {
  public static final String JSON = "checks.json";
  public static final String JUNIT = "checks.xml";
  public static final String HTML = "report.html";
  public static final String SUMS = "SHA256SUMS";
  public static final String PROVENANCE = "provenance.json";
  /** The ABI record of every artifact, what {@code askbuild diff} compares (see AbiJson). */
  public static final String ABI = "abi.json";
  /** The diff against the baseline, when there is one ({@code askbuild diff --json}). */
  public static final String ABI_DIFF = "abi-diff.json";

  private ReportWriter() {}

  /** What was written, and the diff against the baseline when the options name one. */
  public record Written(List<Path> files, Optional<AbiDiff> diff) {
    public Written {
      files = List.copyOf(files);
    }

    /** True when there was a baseline, its ABI changed, and that is to fail the run. */
    public boolean abiFailed(ReportOptions options) {
      return options.failOnAbiChange() && diff.map(AbiDiff::abiChanged).orElse(false);
    }
  }

  /** The files written, in a fixed order. */
  public static List<Path> write(CheckReport report, ReportOptions options) {
    return writeAll(report, options).files();
  }

  /**
   * Writes the record first (abi.json, provenance.json, SHA256SUMS), compares it with the baseline
   * when there is one, then the reports that show the result (checks.json, checks.xml, report.html,
   * abi-diff.json).
   */
  public static Written writeAll(CheckReport report, ReportOptions options) {
    Path dir = options.dir();
    String sums = Sha256Sums.render(report);
    ObjectNode provenance = Provenance.tree(report, options, sums);
    // The renderings are independent; on a big dist they are worth spreading over the cores.
    List<Path> files = new ArrayList<>(parallel(List.of(
        () -> ReportFiles.write(dir.resolve(SUMS), sums),
        () -> ReportFiles.write(dir.resolve(ABI), AbiJson.render(report, options.board())),
        () -> ReportFiles.write(dir.resolve(PROVENANCE), Provenance.render(provenance)))));
    Optional<AbiDiff> diff = options.baseline().map(b -> Differ.diff(b, dir));
    boolean fail = options.failOnAbiChange();
    List<Supplier<Path>> shown = new ArrayList<>(List.of(
        () -> ReportFiles.write(dir.resolve(JSON), ChecksJson.render(report, options.board(), diff, fail)),
        () -> ReportFiles.write(dir.resolve(JUNIT), JunitXml.render(report, diff, fail)),
        () -> ReportFiles.write(dir.resolve(HTML), HtmlPage.render(report, options.board(), provenance, diff, fail))));
    diff.ifPresent(d -> shown.add(() -> ReportFiles.write(dir.resolve(ABI_DIFF), DiffJson.render(d))));
    files.addAll(parallel(shown));
    return new Written(files, diff);
  }

  private static List<Path> parallel(List<Supplier<Path>> jobs) {
    return jobs.parallelStream().map(Supplier::get).toList();
  }
}
