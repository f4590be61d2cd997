package dev.askbuild.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.fixture.DemoKernel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The progress of the demo kernel's real full build, as a log showed it: the stage keeps those lines
 * in the published entry, so this holds whichever test of the run built the entry first.
 */
class DemoKernelProgressTest {
  private static final Pattern STATUS =
      Pattern.compile("kernel: full build: (\\d+)/~?(\\d+) objects \\((\\d+) %\\), \\S+(, ETA \\S+)?");

  @Test
  void theDemoBuildsProgressRisesToItsObjectCount() throws Exception {
    KernelResult demo = DemoKernel.prepared();
    Path record = Path.of(demo.tree()).getParent().resolve(KernelStage.PROGRESS_FILE);
    assertThat(record).as("an entry published by this version keeps its build's progress").isRegularFile();
    List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);

    List<int[]> counts = new ArrayList<>();
    for (String line : lines.subList(0, lines.size() - 1)) {
      Matcher m = STATUS.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      counts.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3))});
    }
    // A build of ~800 objects over minutes: a milestone every ten percent or thirty seconds.
    assertThat(counts).hasSizeGreaterThan(2);
    for (int i = 1; i < counts.size(); i++) {
      assertThat(counts.get(i)[0]).as(lines.get(i)).isGreaterThanOrEqualTo(counts.get(i - 1)[0]);
      assertThat(counts.get(i)[1]).as(lines.get(i)).isGreaterThanOrEqualTo(counts.get(i - 1)[1]);
    }
    int[] first = counts.get(0);
    int[] last = counts.get(counts.size() - 1);
    assertThat(first[1]).isLessThan(100);
    assertThat(last[1]).isEqualTo(100);
    assertThat(last[0]).as("the count the log ends on").isEqualTo(demo.objects()).isGreaterThan(500);
    assertThat(lines).last().asString()
        .startsWith("kernel: full build done in ").contains(", " + demo.objects() + " objects, Module.symvers ");
    assertThat(lines.get(lines.size() - 2)).as("a finished build has no ETA").doesNotContain("ETA");
  }
}
