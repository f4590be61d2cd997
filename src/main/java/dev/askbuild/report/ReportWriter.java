package dev.askbuild.report;

import dev.askbuild.check.CheckReport;
import java.nio.file.Path;
import java.util.List;
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

  private ReportWriter() {}

  /** The files written, in a fixed order. */
  public static List<Path> write(CheckReport report, ReportOptions options) {
    Path dir = options.dir();
    String sums = Sha256Sums.render(report);
    // The renderings are independent; on a big dist they are worth spreading over the cores.
    List<Supplier<Path>> jobs = List.of(
        () -> ReportFiles.write(dir.resolve(JSON), ChecksJson.render(report, options.board())),
        () -> ReportFiles.write(dir.resolve(JUNIT), JunitXml.render(report)),
        () -> ReportFiles.write(dir.resolve(HTML), HtmlPage.render(report, options.board())),
        () -> ReportFiles.write(dir.resolve(SUMS), sums),
        () -> ReportFiles.write(dir.resolve(ABI), AbiJson.render(report, options.board())),
        () -> ReportFiles.write(dir.resolve(PROVENANCE), Provenance.render(report, options, sums)));
    return jobs.parallelStream().map(Supplier::get).toList();
  }
}
