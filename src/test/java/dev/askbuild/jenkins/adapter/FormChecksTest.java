package dev.askbuild.jenkins.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The job form's doCheckX answers: the step's own validation, one field at a time. */
class FormChecksTest {
  @Test
  void goodValuesAndEmptyOptionalFieldsPass() {
    assertThat(FormChecks.board("mono-gateway")).isEmpty();
    assertThat(FormChecks.out("")).isEmpty();
    assertThat(FormChecks.epoch(" 1714521600 ")).isEmpty();
    assertThat(FormChecks.jobs("")).isEmpty();
    assertThat(FormChecks.target(StepKind.COMPILE, "modules")).isEmpty();
    assertThat(FormChecks.target(StepKind.VERIFY, "userspace")).isEmpty();
    assertThat(FormChecks.target(StepKind.KERNEL, "")).isEmpty();
    assertThat(FormChecks.components("libfci,cmm")).isEmpty();
    assertThat(FormChecks.components("")).isEmpty();
    assertThat(FormChecks.stages("verify, check")).isEmpty();
    assertThat(FormChecks.privateName("ASK-mt-6.12.49-2.2.0.tar.gz")).isEmpty();
  }

  @Test
  void badValuesAreExplainedNamingTheField() {
    assertThat(FormChecks.board("")).hasValue("board is required");
    assertThat(FormChecks.board("mono")).get().asString().contains("parameter 'board' names no known board: 'mono'");
    assertThat(FormChecks.out("/etc")).get().asString().contains("parameter 'out' must be a path inside the workspace");
    assertThat(FormChecks.epoch("yesterday")).hasValue("epoch must be a whole number, got 'yesterday'");
    assertThat(FormChecks.jobs("0")).get().asString().contains("parameter 'jobs' must be at least 1");
    assertThat(FormChecks.target(StepKind.COMPILE, "all")).get().asString().contains("parameter 'target' must be one of");
    assertThat(FormChecks.target(StepKind.KERNEL, "userspace")).get().asString()
        .startsWith("askKernel: parameter 'target' is userspace, which builds without a kernel");
    assertThat(FormChecks.components("libfci, cmm")).get().asString()
        .contains("parameter 'components' must be component names ([A-Za-z0-9_]+) separated by commas without spaces");
    assertThat(FormChecks.stages("verify,link")).get().asString().contains("unknown stage 'link'");
    assertThat(FormChecks.privateName("dir/ASK.tar.gz")).get().asString().contains("must be a plain file name");
  }
}
