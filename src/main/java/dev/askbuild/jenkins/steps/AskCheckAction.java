package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.AbiSummary;
import dev.askbuild.jenkins.adapter.CheckSummary;
import dev.askbuild.jenkins.adapter.SummaryHtml;
import hudson.FilePath;
import hudson.model.Run;
import java.io.IOException;
import java.util.Map;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The build page's ask-build summary ({@code summary.jelly}): passed and failed checks, failing
 * ones first, and the link to the archived {@code report.html}; its counts in {@code api/json}.
 * Saved with the build: a plain class holding the plain {@link CheckSummary}.
 */
@ExportedBean
public final class AskCheckAction implements RunAction2 {
  private final CheckSummary summary;
  private transient Run<?, ?> run;

  AskCheckAction(CheckSummary summary) {
    this.summary = summary;
  }

  /**
   * Adds (or replaces, when the step ran again) the summary when the check stage left a checks.json;
   * with a baseline (build {@code baselineBuild}, null when none), the diff's verdict and breaks
   * from checks.json and abi-diff.json.
   */
  static void attach(Run<?, ?> run, FilePath workspace, String out, Integer baselineBuild)
      throws IOException, InterruptedException {
    FilePath reports = workspace.child(out + "/reports");
    FilePath json = reports.child("checks.json");
    if (json.exists()) {
      Map<?, ?> root = EngineProcess.json(json.readToString());
      if (root != null) {
        CheckSummary summary = CheckSummary.fromChecks(root, out);
        FilePath diff = reports.child("abi-diff.json");
        if (baselineBuild != null && root.get("abiDiff") instanceof Map<?, ?> abi) {
          summary = summary.withAbi(AbiSummary.from(baselineBuild, abi, diff.exists() ? EngineProcess.json(diff.readToString()) : null));
        }
        run.addOrReplaceAction(new AskCheckAction(summary));
      }
    }
  }

  public CheckSummary getSummary() {
    return summary;
  }

  @Exported
  public String getBoard() {
    return summary.board();
  }

  @Exported
  public boolean isPassed() {
    return summary.passed();
  }

  @Exported
  public int getPassedChecks() {
    return summary.passedChecks();
  }

  @Exported
  public int getFailedChecks() {
    return summary.failedChecks();
  }

  /** The build compared with ("since #N"), or null when there was no baseline. */
  @Exported
  public Integer getBaselineBuild() {
    return summary.abi() == null ? null : summary.abi().baselineBuild();
  }

  /** The diff's verdict against the baseline ("no ABI change", "ABI CHANGE: ..."), or null. */
  @Exported
  public String getAbiVerdict() {
    return summary.abi() == null ? null : summary.abi().verdict();
  }

  @Exported
  public boolean isAbiChanged() {
    return summary.abi() != null && summary.abi().abiChanged();
  }

  @Exported
  public String getReportHref() {
    return summary.reportHref();
  }

  /** Escaped by {@link SummaryHtml}; the jelly writes it as is. */
  public String getSummaryHtml() {
    return SummaryHtml.render(summary);
  }

  public Run<?, ?> getRun() {
    return run;
  }

  @Override
  public void onAttached(Run<?, ?> r) {
    run = r;
  }

  @Override
  public void onLoad(Run<?, ?> r) {
    run = r;
  }

  @Override
  public String getIconFileName() {
    return null;
  }

  @Override
  public String getDisplayName() {
    return "ask-build checks";
  }

  @Override
  public String getUrlName() {
    return null;
  }
}
