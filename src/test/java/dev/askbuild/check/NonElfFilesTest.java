package dev.askbuild.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.core.Progress;
import dev.askbuild.report.ReportOptions;
import dev.askbuild.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Issue 13, defect 3: files in dist that are not ELF were passed with no check at all, so Debian's
 * x86-64 {@code libc_nonshared.a} gave "0 passed, 0 failed" and exit 0. Archives are real ones
 * (Debian's, and made here with GNU ar).
 */
class NonElfFilesTest {
  private static final Path X86_NONSHARED = Path.of("/usr/lib/x86_64-linux-gnu/libc_nonshared.a");
  private static final Path ARM64_NONSHARED = Path.of("/usr/aarch64-linux-gnu/lib/libc_nonshared.a");

  @TempDir Path tmp;

  private static CheckReport check(Path dist) {
    return new Checker(Progress.SILENT).run(new CheckRequest(dist, Optional.empty(), Fixtures.SYSROOT, CheckTarget.aarch64()));
  }

  private Path distWith(String rel, Path source) throws IOException {
    Path dist = tmp.resolve("dist");
    Path to = dist.resolve(rel);
    Files.createDirectories(to.getParent());
    Files.copy(source, to);
    return dist;
  }

  @Test
  void issue13X86StaticLibraryFailsNamingItsMembers() throws IOException {
    CheckReport report = check(distWith("usr/lib/libc_nonshared.a", X86_NONSHARED));

    assertThat(report.passed()).isFalse();
    assertThat(report.artifacts()).singleElement().extracting(Artifact::kind).isEqualTo("ar-archive");
    assertThat(report.failures()).extracting(CheckResult::artifact, CheckResult::check)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("usr/lib/libc_nonshared.a", "elf.machine"));
    CheckResult machine = report.failures().get(0);
    assertThat(machine.expected()).isEqualTo("AArch64 (183)");
    assertThat(machine.actual()).startsWith("Advanced Micro Devices X86-64 (62) in 4 of 4 members: ")
        .contains("at_quick_exit.oS", "atexit.oS", "pthread_atfork.oS", "stack_chk_fail_local.oS");
    assertThat(report.results()).extracting(CheckResult::check, CheckResult::status)
        .contains(org.assertj.core.groups.Tuple.tuple("ar.members", CheckStatus.PASS),
            org.assertj.core.groups.Tuple.tuple("elf.class", CheckStatus.PASS));
  }

  @Test
  void theCrossLibcsStaticLibraryPassesMemberByMember() throws IOException {
    CheckReport report = check(distWith("usr/lib/libc_nonshared.a", ARM64_NONSHARED));

    assertThat(report.failures()).isEmpty();
    assertThat(report.results()).extracting(CheckResult::check, CheckResult::actual).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ar.members", "4 ELF objects"),
        org.assertj.core.groups.Tuple.tuple("elf.class", "ELF64 (4 members)"),
        org.assertj.core.groups.Tuple.tuple("elf.machine", "AArch64 (183) (4 members)"));
  }

  @Test
  void thinArchivesAndNonObjectMembersFail() throws IOException {
    Path objects = Files.createDirectories(tmp.resolve("objects"));
    Files.writeString(objects.resolve("a.c"), "int a(void){return 1;}\n");
    Files.writeString(objects.resolve("notes.txt"), "not an object\n");
    Fixtures.run(objects, "aarch64-linux-gnu-gcc", "-c", "-o", "a.o", "a.c");
    Fixtures.run(objects, "aarch64-linux-gnu-ar", "rcT", "libthin.a", "a.o");
    Fixtures.run(objects, "aarch64-linux-gnu-ar", "rc", "libmixed.a", "a.o", "notes.txt");
    Path dist = distWith("usr/lib/libthin.a", objects.resolve("libthin.a"));
    Files.copy(objects.resolve("libmixed.a"), dist.resolve("usr/lib/libmixed.a"));

    CheckReport report = check(dist);

    assertThat(report.failures()).extracting(CheckResult::artifact, CheckResult::check, CheckResult::actual)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("usr/lib/libmixed.a", "ar.members", "1 of 2 members not ELF: notes.txt"),
            org.assertj.core.groups.Tuple.tuple("usr/lib/libthin.a", "ar.members", "thin archive"));
  }

  @Test
  void textIsTheOneAllowedDataTypeAndAnythingElseIsNamed() throws IOException {
    Path dist = Files.createDirectories(tmp.resolve("dist/etc"));
    Files.writeString(dist.resolve("cdx_cfg.xml"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<cfgdata>\u00e9</cfgdata>\n");
    Files.writeString(dist.resolve("fastforward"), "# cmm\r\nconfig\tx\n");
    Files.write(dist.resolve("empty"), new byte[0]);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dist.resolve("leftover.gz")))) {
      out.write("x".repeat(100).getBytes());
    }
    Files.write(dist.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'});

    CheckReport report = check(tmp.resolve("dist"));

    assertThat(report.results()).extracting(CheckResult::artifact, CheckResult::status, CheckResult::actual)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("etc/cdx_cfg.xml", CheckStatus.PASS, "text"),
            org.assertj.core.groups.Tuple.tuple("etc/empty", CheckStatus.FAIL, "empty file"),
            org.assertj.core.groups.Tuple.tuple("etc/fastforward", CheckStatus.PASS, "text"),
            org.assertj.core.groups.Tuple.tuple("etc/latin1.txt", CheckStatus.FAIL, "data (first bytes 63 61 66 e9 0a)"),
            org.assertj.core.groups.Tuple.tuple("etc/leftover.gz", CheckStatus.FAIL, "gzip data"));
    assertThat(report.artifacts()).extracting(Artifact::kind).containsExactly("text", "empty", "text", "data", "data");
  }

  @Test
  void reportsCarryTheArchiveAndDataResults() throws Exception {
    Path dist = distWith("usr/lib/libc_nonshared.a", X86_NONSHARED);
    Files.writeString(dist.resolve("usr/lib/README"), "text\n");
    CheckReport report = check(dist);
    Path dir = tmp.resolve("report");

    ReportWriter.write(report, new ReportOptions(dir, "demo", 1700000000L, Optional.empty(), Map.of()));

    JsonNode json = new ObjectMapper().readTree(dir.resolve(ReportWriter.JSON).toFile());
    assertThat(json.get("passed").asBoolean()).isFalse();
    assertThat(json.at("/summary/fail").asInt()).isEqualTo(1);
    assertThat(json.at("/artifacts/0/path").asText()).isEqualTo("usr/lib/README");
    assertThat(json.at("/artifacts/0/checks/0/check").asText()).isEqualTo("file.type");
    assertThat(json.at("/artifacts/1/kind").asText()).isEqualTo("ar-archive");
    assertThat(json.at("/artifacts/1/status").asText()).isEqualTo("fail");
    assertThat(json.at("/artifacts/1/checks")).hasSize(3);
    Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve(ReportWriter.JUNIT).toFile()).getDocumentElement();
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(Files.readString(dir.resolve(ReportWriter.HTML)))
        .contains("usr/lib/libc_nonshared.a", "Advanced Micro Devices X86-64 (62) in 4 of 4 members");
  }
}
