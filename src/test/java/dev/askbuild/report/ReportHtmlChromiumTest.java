package dev.askbuild.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.core.Command;
import dev.askbuild.core.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** report.html as Debian's headless Chromium renders it: summary first, the failing row first. */
class ReportHtmlChromiumTest {
  static final Path OUT = Path.of("target", "chromium").toAbsolutePath();

  private static List<String> chromium(Path profile, String... extra) {
    List<String> argv = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1200,900"));
    argv.addAll(List.of(extra));
    return argv;
  }

  @Test
  void pageShowsFailureSummaryAndFailingRowFirst() throws Exception {
    Files.createDirectories(OUT);
    Path dir = OUT.resolve("report");
    ReportWriter.write(SampleReports.failing(OUT.resolve("dist")), SampleReports.options(dir, Optional.empty()));
    String url = dir.resolve("report.html").toUri().toString();
    ProcessRunner runner = ProcessRunner.inheritingEnvironment();

    String dom = runner.capture(new Command(chromium(OUT.resolve("profile-dom"), "--dump-dom", url), OUT, java.util.Map.of()));
    Matcher summary = Pattern.compile("<p id=\"summary\" class=\"summary fail\">([^<]*)</p>").matcher(dom);
    assertThat(summary.find()).as("summary in the DOM Chromium built:\n%s", dom).isTrue();
    assertThat(summary.group(1)).isEqualTo("FAILED: 1 failed, 2 passed, 1 informational, in 2 artifacts");
    assertThat(dom.indexOf("id=\"summary\"")).isLessThan(dom.indexOf("id=\"checks\""));
    Matcher firstRow = Pattern.compile("<tbody>\\s*<tr class=\"(\\w+)\"><td>(\\w+)</td><td class=\"mono\">([^<]*)</td><td>([^<]*)</td>").matcher(dom);
    assertThat(firstRow.find()).isTrue();
    assertThat(firstRow.group(2)).isEqualTo("FAIL");
    assertThat(firstRow.group(3)).isEqualTo("usr/bin/z-broken");
    assertThat(firstRow.group(4)).isEqualTo("interp");
    assertThat(dom).doesNotContain("<script");

    Path png = OUT.resolve("report.png");
    Files.deleteIfExists(png);
    runner.runChecked(new Command(chromium(OUT.resolve("profile-shot"), "--screenshot=" + png, url), OUT, java.util.Map.of()),
        OUT.resolve("chromium.log"), "chromium screenshot");
    assertThat(png).exists();
    byte[] head = Files.readAllBytes(png);
    assertThat(head.length).isGreaterThan(1000);
    assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }
}
