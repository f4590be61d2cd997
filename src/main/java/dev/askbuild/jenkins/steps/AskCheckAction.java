package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.CheckSummary;
import dev.askbuild.jenkins.adapter.SummaryHtml;
import hudson.FilePath;
import hudson.model.Run;
import java.io.IOException;
import jenkins.model.RunAction2;

/**
 * The build page's ask-build summary ({@code summary.jelly}): passed and failed checks, failing
 * ones first, and the link to the archived {@code report.html}. Saved with the build.
 */
public final class AskCheckAction implements RunAction2 {
  private final CheckSummary summary;
  private transient Run<?, ?> run;

  AskCheckAction(CheckSummary summary) {
    this.summary = summary;
  }

  /** Adds (or replaces) the summary when the check stage left a checks.json. */
  static void attach(Run<?, ?> run, FilePath workspace, String out) throws IOException, InterruptedException {
    FilePath json = workspace.child(out + "/reports/checks.json");
    if (json.exists()) {
      run.addOrReplaceAction(new AskCheckAction(CheckSummary.fromChecksJson(json.readToString(), out)));
    }
  }

  public CheckSummary getSummary() {
    return summary;
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
