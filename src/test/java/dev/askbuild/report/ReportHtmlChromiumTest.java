package dev.askbuild.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.core.Command;
import dev.askbuild.core.ProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * report.html as Debian's headless Chromium renders it under the strict Content-Security-Policy of
 * Jenkins' artifact view: verdict first, the failing check first, the ABI diff, the page's
 * screenshot, and nothing blocked (Chromium's console, which does name a blocked inline style).
 */
class ReportHtmlChromiumTest {
  static final Path OUT = Path.of("target", "chromium").toAbsolutePath();
  static final String CSP_VIOLATION = "Content Security Policy";

  private static List<String> chromium(Path profile, String... extra) {
    List<String> argv = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1200,900", "--enable-logging=stderr", "--v=0"));
    argv.addAll(List.of(extra));
    return argv;
  }

  /** The DOM Chromium built for the page, and its console (stderr) while it did. */
  record Rendered(String dom, String console) {}

  private static Rendered render(String name, String url) throws Exception {
    Path log = OUT.resolve(name + ".console.log");
    Path dom = OUT.resolve(name + ".dom.html");
    Process p = new ProcessBuilder(chromium(OUT.resolve("profile-" + name), "--dump-dom", url))
        .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
    assertThat(p.waitFor()).as(Files.readString(log)).isZero();
    return new Rendered(Files.readString(dom), Files.readString(log));
  }

  @Test
  void pageShowsVerdictFailuresFirstAndTheDiffWithNothingBlockedByTheCsp() throws Exception {
    Files.createDirectories(OUT);
    Path baseline = OUT.resolve("baseline");
    ReportWriter.write(SampleReports.withExports(OUT.resolve("dist"), "a_init", "a_run"), SampleReports.options(baseline, Optional.empty()));
    Path dir = OUT.resolve("report");
    ReportWriter.write(SampleReports.withExports(OUT.resolve("dist"), "a_init"),
        SampleReports.options(dir, Optional.empty()).withBaseline(Optional.of(baseline), false));
    String url = dir.resolve("report.html").toUri().toString();

    Rendered page = render("report", url);
    String dom = page.dom();
    Matcher summary = Pattern.compile("<p id=\"summary\" class=\"summary fail\">([^<]*)</p>").matcher(dom);
    assertThat(summary.find()).as("summary in the DOM Chromium built:\n%s", dom).isTrue();
    assertThat(summary.group(1)).isEqualTo("FAILED: 1 failed, 2 passed, 1 informational, in 2 artifacts");
    assertThat(dom).contains("ABI against the baseline: <b>ABI CHANGE: 1 breaking in 1 artifact(s)");
    // Verdict, then failures, then the diff, then the artifacts, then the build's inputs.
    assertThat(dom.indexOf("id=\"summary\"")).isLessThan(dom.indexOf("id=\"failures\""));
    assertThat(dom.indexOf("id=\"failures\"")).isLessThan(dom.indexOf("id=\"abi-breaks\""));
    assertThat(dom.indexOf("id=\"abi-breaks\"")).isLessThan(dom.indexOf("<h2>Artifacts (2)</h2>"));
    assertThat(dom.indexOf("<h2>Artifacts (2)</h2>")).isLessThan(dom.indexOf("id=\"build\""));
    Matcher firstFailure = Pattern.compile("id=\"failures\"[^>]*>\\s*<tbody>\\s*<tr>(?:<th>[^<]*</th>)+</tr>\\s*"
        + "<tr bgcolor=\"#f8c9c9\"><td><code>([^<]*)</code></td><td>([^<]*)</td>").matcher(dom);
    assertThat(firstFailure.find()).as(dom).isTrue();
    assertThat(firstFailure.group(1)).isEqualTo("usr/bin/z-broken");
    assertThat(firstFailure.group(2)).isEqualTo("interp");
    assertThat(dom).contains("dynamic export removed", "a_run", "<details open=\"\" class=\"fail\"><summary><code>usr/bin/z-broken")
        .contains("<details><summary><code>usr/bin/a-tool</code> — 1 passed</summary>")
        .contains("<th align=\"left\">askbuild</th><td><code>" + dev.askbuild.core.Version.NUMBER)
        .contains("1700000000 (2023-11-14T22:13:20Z)")
        .doesNotContain("<script", "<style", "<link");
    assertThat(page.console()).doesNotContain(CSP_VIOLATION);

    // The console does report a blocked inline style: a page with one, under the same policy.
    Path control = OUT.resolve("inline-style.html");
    Files.writeString(control, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\""
        + HtmlPage.CSP + "\"><style>p{color:red}</style></head><body><p>x</p></body></html>");
    assertThat(render("control", control.toUri().toString()).console()).contains(CSP_VIOLATION, "style-src 'self'");

    Path png = OUT.resolve("report.png");
    Files.deleteIfExists(png);
    ProcessRunner.inheritingEnvironment().runChecked(new Command(chromium(OUT.resolve("profile-shot"), "--screenshot=" + png, url),
        OUT, Map.of()), OUT.resolve("chromium.log"), "chromium screenshot");
    assertThat(png).exists();
    byte[] head = Files.readAllBytes(png);
    assertThat(head.length).isGreaterThan(1000);
    assertThat(new String(head, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    assertThat(Files.readString(OUT.resolve("chromium.log"))).doesNotContain(CSP_VIOLATION);
    // The verdict as the screenshot shows it: its box in the failure colour, at the top of the page.
    java.awt.image.BufferedImage shot = javax.imageio.ImageIO.read(png.toFile());
    int verdict = 0;
    for (int y = 0; y < Math.min(250, shot.getHeight()); y++) {
      for (int x = 0; x < shot.getWidth(); x++) {
        if ((shot.getRGB(x, y) & 0xffffff) == 0xf8c9c9) {
          verdict++;
        }
      }
    }
    assertThat(verdict).as("pixels of the failed verdict's colour in the top of the screenshot").isGreaterThan(20_000);
  }
}
