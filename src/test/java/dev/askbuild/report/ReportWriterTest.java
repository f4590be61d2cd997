package dev.askbuild.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.check.CheckReport;
import dev.askbuild.core.Command;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportWriterTest {
  @TempDir Path tmp;

  @Test
  void writesAllFiveReports() throws Exception {
    Path dist = tmp.resolve("dist");
    CheckReport report = SampleReports.failing(dist);
    Path input = tmp.resolve("inputs.json");
    Path tarball = tmp.resolve("ask.tar.gz");
    Files.writeString(tarball, "tarball");
    Files.writeString(input, "{\"inputs\":[{\"name\":\"ask\",\"path\":\"" + tarball + "\"}],\"recipe\":\"ask-7.0\"}");
    Path dir = tmp.resolve("report");
    ReportWriter.write(report, SampleReports.options(dir, Optional.of(input)));

    JsonNode json = new ObjectMapper().readTree(dir.resolve("checks.json").toFile());
    assertThat(json.get("passed").asBoolean()).isFalse();
    assertThat(json.at("/summary/fail").asInt()).isEqualTo(1);
    assertThat(json.at("/artifacts/1/path").asText()).isEqualTo("usr/bin/z-broken");
    assertThat(json.at("/artifacts/1/status").asText()).isEqualTo("fail");
    assertThat(json.at("/artifacts/1/checks/0/check").asText()).isEqualTo("elf.machine");

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("checks.xml").toFile());
    Element suite = xml.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    NodeList failures = xml.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(1);
    Element testcase = (Element) failures.item(0).getParentNode();
    assertThat(testcase.getAttribute("classname")).isEqualTo("usr/bin/z-broken");
    assertThat(testcase.getAttribute("name")).isEqualTo("interp");
    assertThat(((Element) failures.item(0)).getAttribute("message"))
        .isEqualTo("interp: expected /lib/ld-linux-aarch64.so.1, actual /lib/ld-musl-aarch64.so.1");

    Files.copy(dir.resolve("SHA256SUMS"), dist.resolve("SHA256SUMS"));
    String verified = ProcessRunner.inheritingEnvironment().capture(Command.of(dist, "sha256sum", "-c", "SHA256SUMS"));
    assertThat(verified).contains("usr/bin/a-tool: OK", "usr/bin/z-broken: OK");

    JsonNode prov = new ObjectMapper().readTree(dir.resolve("provenance.json").toFile());
    assertThat(prov.get("recipe").asText()).isEqualTo("ask-7.0");
    assertThat(prov.get("board").asText()).isEqualTo("demo");
    assertThat(prov.get("epoch").asLong()).isEqualTo(1700000000L);
    assertThat(prov.at("/inputs/0/sha256").asText()).isEqualTo(Sha256.ofFile(tarball));
    assertThat(prov.at("/kernel/release").asText()).isEqualTo("6.1.0-56-arm64");
    assertThat(prov.at("/kernel/configSha256").asText()).isEqualTo("c0ffee");
    assertThat(prov.at("/toolchain/aarch64-linux-gnu-gcc").asText()).isEqualTo("gcc 12");

    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).doesNotContain("<script").contains("&lt;script&gt;").doesNotContain("src=\"http");
  }

  @Test
  void reportsAreByteForByteReproducible() throws Exception {
    CheckReport report = SampleReports.failing(tmp.resolve("dist"));
    ReportWriter.write(report, SampleReports.options(tmp.resolve("r1"), Optional.empty()));
    ReportWriter.write(report, SampleReports.options(tmp.resolve("r2"), Optional.empty()));
    for (String name : new String[] {"checks.json", "checks.xml", "report.html", "SHA256SUMS", "provenance.json"}) {
      assertThat(Files.readString(tmp.resolve("r1").resolve(name))).as(name).isEqualTo(Files.readString(tmp.resolve("r2").resolve(name)));
    }
  }
}
