package dev.askbuild.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real GNU patch on a real tree; the logs parsed are the ones patch wrote. */
class PatchApplierTest {
  private static final Path FIXTURE = fixture();
  private static final Path HOOKS = FIXTURE.resolve("0002-mono-gateway-ask-kernel-hooks.patch");

  /**
   * Issue 13, defect 1: patch prints "can't find file to patch" after "checking file" of the file
   * before and before the header naming the missing one, so the failure was blamed on
   * drivers/crypto/caam/pdb.h, which applies.
   */
  @Test
  void issue13MissingFileIsNamedNotTheFileBeforeIt(@TempDir Path work) throws IOException {
    Path tree = copyTree(work);
    Path logs = work.resolve("logs");

    assertThatThrownBy(() -> new PatchApplier(runner()).apply(List.of(HOOKS), tree, "kernel", logs))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining(
            "kernel patch 0002-mono-gateway-ask-kernel-hooks.patch does not apply: first rejected file "
                + "drivers/net/ethernet/freescale/sdk_dpaa/Kconfig (missing from the tree)")
        .hasMessageContaining(
            "2 files missing from the tree: drivers/net/ethernet/freescale/sdk_dpaa/Kconfig, "
                + "drivers/net/ethernet/freescale/sdk_dpaa/Makefile")
        .hasMessageContaining("2 hunks failed in 1 file: drivers/net/ethernet/freescale/Kconfig (2)")
        .hasMessageNotContaining("caam")
        .extracting(e -> ((AskBuildException) e).exitCode())
        .isEqualTo(ExitCode.CHECK_FAILED);
    // The dry run changed nothing.
    assertThat(tree.resolve("drivers/crypto/caam/pdb.h"))
        .hasSameTextualContentAs(FIXTURE.resolve("tree/drivers/crypto/caam/pdb.h"));
  }

  @Test
  void theRealLogIsReadFileByFile(@TempDir Path work) throws IOException {
    Path tree = copyTree(work);
    Path logs = work.resolve("logs");
    try {
      new PatchApplier(runner()).apply(List.of(HOOKS), tree, "kernel", logs);
    } catch (AskBuildException expected) {
      // the log is what this test reads
    }
    String log = Files.readString(logs.resolve("patch-kernel-0002-mono-gateway-ask-kernel-hooks.patch.log"));
    // The order that fooled the old parser, as GNU patch really writes it.
    assertThat(log.indexOf("checking file drivers/crypto/caam/pdb.h"))
        .isLessThan(log.indexOf("can't find file to patch"));
    assertThat(log.indexOf("can't find file to patch"))
        .isLessThan(log.indexOf("|+++ b/drivers/net/ethernet/freescale/sdk_dpaa/Kconfig"));

    PatchApplier.Rejections rejections = PatchApplier.Rejections.parse(log);

    assertThat(rejections.missing()).containsExactly(
        "drivers/net/ethernet/freescale/sdk_dpaa/Kconfig", "drivers/net/ethernet/freescale/sdk_dpaa/Makefile");
    assertThat(rejections.failedHunks()).isEqualTo(Map.of("drivers/net/ethernet/freescale/Kconfig", 2));
    assertThat(rejections.failedHunkCount()).isEqualTo(2);
    assertThat(rejections.alreadyApplied()).isEmpty();
  }

  @Test
  void aPatchAppliedTwiceIsNamedAlreadyPatched(@TempDir Path work) throws IOException {
    Path tree = work.resolve("tree");
    Files.createDirectories(tree.resolve("drivers/crypto/caam"));
    Files.copy(FIXTURE.resolve("tree/drivers/crypto/caam/pdb.h"), tree.resolve("drivers/crypto/caam/pdb.h"));
    Path onlyPdb = work.resolve("0001-pdb.patch");
    String hooks = Files.readString(HOOKS);
    Files.writeString(onlyPdb, hooks.substring(0, hooks.indexOf("diff --git a/drivers/net")));
    PatchApplier applier = new PatchApplier(runner());
    applier.apply(List.of(onlyPdb), tree, "kernel", work.resolve("logs"));

    assertThatThrownBy(() -> applier.apply(List.of(onlyPdb), tree, "kernel", work.resolve("logs2")))
        .hasMessageContaining("first rejected file drivers/crypto/caam/pdb.h (already patched)")
        .hasMessageContaining("0 files missing from the tree; 0 hunks failed in 0 files; 1 file already patched");
  }

  @Test
  void twoTreesWithPatchesOfOneNameKeepTwoLogs(@TempDir Path work) throws IOException {
    // ASK's fmlib and fmc patches are both 01-mono-ask-extensions.patch.
    Path logs = work.resolve("logs");
    String hooks = Files.readString(HOOKS);
    Path patch = Files.writeString(work.resolve("01-mono-ask-extensions.patch"),
        hooks.substring(0, hooks.indexOf("diff --git a/drivers/net")));
    for (String tree : List.of("fmlib", "fmc")) {
      Path dir = work.resolve(tree);
      Files.createDirectories(dir.resolve("drivers/crypto/caam"));
      Files.copy(FIXTURE.resolve("tree/drivers/crypto/caam/pdb.h"), dir.resolve("drivers/crypto/caam/pdb.h"));
      new PatchApplier(runner()).apply(List.of(patch), dir, "vendored " + tree, logs);
    }

    assertThat(logs.resolve("patch-vendored-fmlib-01-mono-ask-extensions.patch.log")).content().contains("pdb.h");
    assertThat(logs.resolve("patch-vendored-fmc-01-mono-ask-extensions.patch.log")).content().contains("pdb.h");
  }

  private static ProcessRunner runner() {
    return ProcessRunner.forBuilds();
  }

  private static Path copyTree(Path work) throws IOException {
    Path from = FIXTURE.resolve("tree");
    Path tree = work.resolve("tree");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path to = tree.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    }
    return tree;
  }

  private static Path fixture() {
    try {
      return Path.of(PatchApplierTest.class.getResource("patch").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
