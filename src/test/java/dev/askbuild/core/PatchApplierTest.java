package dev.askbuild.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatchApplierTest {
  @Test
  void firstRejectedFileComesFromTheDryRunLog() {
    String log = "checking file kernel/Makefile\nchecking file kernel/fork.c\nHunk #1 FAILED at 1.\n"
        + "checking file mm/slab.c\nHunk #2 FAILED at 9.\n";

    assertThat(PatchApplier.firstRejected(log)).isEqualTo("kernel/fork.c");
  }

  @Test
  void aMissingFileIsNamedFromThePatchHeader() {
    String log = "can't find file to patch at input line 3\nPerhaps you used the wrong -p or --strip option?\n"
        + "The text leading up to this was:\n--------------------------\n|--- a/drivers/none.c\n|+++ b/drivers/none.c\n"
        + "--------------------------\nNo file to patch.  Skipping patch.\n";
    String withHeaderFirst = "|+++ b/drivers/none.c\n" + log;

    assertThat(PatchApplier.firstRejected(withHeaderFirst)).contains("drivers/none.c");
  }
}
