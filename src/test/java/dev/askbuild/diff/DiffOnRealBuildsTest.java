package dev.askbuild.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckRequest;
import dev.askbuild.check.CheckTarget;
import dev.askbuild.check.Checker;
import dev.askbuild.cli.Main;
import dev.askbuild.core.Progress;
import dev.askbuild.core.Sha256;
import dev.askbuild.fixture.DemoKernel;
import dev.askbuild.fixture.Fixtures;
import dev.askbuild.report.ReportOptions;
import dev.askbuild.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code askbuild diff} on real builds: two modules (beta imports alpha's export) built with the
 * cross compiler against the demo board's kernel in four variants (the sources, the same sources
 * again, alpha_add's signature changed, alpha_sub dropped), and libdemo built from its tarball and
 * from a changed copy, each checked by the check stage into its reports.
 */
class DiffOnRealBuildsTest {
  static final String ALPHA = """
      // SPDX-License-Identifier: GPL-2.0
      #include <linux/module.h>
      #include <linux/init.h>

      %s alpha_add(%s a, int b)
      {
      \treturn a + b;
      }
      EXPORT_SYMBOL(alpha_add);
      %s
      static int __init alpha_init(void) { return 0; }
      static void __exit alpha_exit(void) { }
      module_init(alpha_init);
      module_exit(alpha_exit);
      MODULE_LICENSE("GPL");
      """;
  static final String SUB = """

      int alpha_sub(int a, int b)
      {
      \treturn a - b;
      }
      EXPORT_SYMBOL_GPL(alpha_sub);
      """;
  static final String BETA = """
      // SPDX-License-Identifier: GPL-2.0
      #include <linux/module.h>
      #include <linux/init.h>

      extern int alpha_add(int a, int b);
      static int __init beta_init(void) { return alpha_add(1, 2) == 3 ? 0 : -EINVAL; }
      static void __exit beta_exit(void) { }
      module_init(beta_init);
      module_exit(beta_exit);
      MODULE_LICENSE("GPL");
      """;

  @TempDir static Path tmp;
  static Path kernel;

  @BeforeAll
  static void buildModules() throws Exception {
    kernel = Path.of(DemoKernel.prepared().tree());
    modules("base", ALPHA.formatted("int", "int", SUB));
    modules("again", ALPHA.formatted("int", "int", SUB));
    modules("crc", ALPHA.formatted("long", "long", SUB));
    modules("drop", ALPHA.formatted("int", "int", ""));
  }

  /** Builds alpha.ko and beta.ko from the sources into NAME/dist and checks them into NAME/reports. */
  private static void modules(String name, String alpha) throws Exception {
    Path src = Files.createDirectories(tmp.resolve(name).resolve("src"));
    Files.writeString(src.resolve("Kbuild"), "obj-m := alpha.o beta.o\n");
    Files.writeString(src.resolve("alpha.c"), alpha);
    Files.writeString(src.resolve("beta.c"), BETA);
    Fixtures.run("make", "-s", "-C", kernel.toString(), "M=" + src, "ARCH=arm64", "CROSS_COMPILE=aarch64-linux-gnu-",
        "-j2", "modules");
    Path dist = Files.createDirectories(tmp.resolve(name).resolve("dist/lib/modules/extra"));
    for (String ko : List.of("alpha.ko", "beta.ko")) {
      Files.copy(src.resolve(ko), dist.resolve(ko));
    }
    check(name, Optional.of(kernel), Map.of("ask-demo.tar.gz", "ask", "kernel .config", "config"), Map.of());
  }

  private static CheckReport check(String name, Optional<Path> kernelTree, Map<String, String> tarballs,
      Map<String, List<String>> artifactInputs) throws IOException {
    Path dir = tmp.resolve(name);
    Map<String, Object> provenance = Map.of("tarballs", tarballs, "artifactInputs", artifactInputs);
    Path input = dir.resolve("provenance-input.json");
    new ObjectMapper().writeValue(input.toFile(), provenance);
    CheckReport report = new Checker(Progress.SILENT).run(
        new CheckRequest(dir.resolve("dist"), kernelTree, Path.of("/usr/aarch64-linux-gnu"), CheckTarget.aarch64()));
    assertThat(report.passed()).as("%s: %s", name, report.failures()).isTrue();
    ReportWriter.write(report, new ReportOptions(dir.resolve("reports"), "demo", Fixtures.EPOCH, Optional.of(input),
        Map.of()));
    return report;
  }

  record Run(int code, String out, String err) {}

  static Run diff(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] argv = new String[args.length + 1];
    argv[0] = "diff";
    System.arraycopy(args, 0, argv, 1, args.length);
    int code = Main.run(argv, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static String dir(String name) {
    return tmp.resolve(name).toString();
  }

  @Test
  void theSameSourcesBuiltTwiceDiffAsNoAbiChange() {
    Run run = diff(dir("base"), dir("again"));
    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains(": no change").doesNotContain("BREAK");
  }

  @Test
  void aChangedSignatureChangesTheExportsCrcAndTheImportersAndIsExitOne() throws Exception {
    Run run = diff(dir("base"), tmp.resolve("crc/reports").toString(), "--html", dir("crc") + "/diff.html");
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("ABI CHANGE")
        .containsPattern("BREAK lib/modules/extra/alpha\\.ko \\(module alpha\\): export CRC changed alpha_add: 0x[0-9a-f]{8} -> 0x[0-9a-f]{8}")
        .containsPattern("BREAK lib/modules/extra/beta\\.ko \\(module beta\\): import CRC changed alpha_add")
        .doesNotContain("alpha_sub");
    assertThat(Files.readString(tmp.resolve("crc/diff.html"))).contains("alpha_add", "ABI CHANGE").doesNotContain("<style", "<script");

    JsonNode json = new ObjectMapper().readTree(diff(dir("base"), dir("crc"), "--json").out());
    assertThat(json.get("abiChanged").asBoolean()).isTrue();
    assertThat(json.at("/changes/0/aspect").asText()).isEqualTo("export CRC changed");
    assertThat(json.at("/changes/0/module").asText()).isEqualTo("alpha");
    assertThat(json.at("/changes/0/subject").asText()).isEqualTo("alpha_add");
  }

  @Test
  void aDroppedExportIsExitOneNamingSymbolAndModule() {
    Run run = diff(dir("base"), dir("drop") + "/reports/abi.json");
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("BREAK lib/modules/extra/alpha.ko (module alpha): export removed alpha_sub")
        .doesNotContain("alpha_add");
    // The other way round it is an added export: no break.
    Run back = diff(dir("drop"), dir("base"));
    assertThat(back.code()).as(back.out()).isZero();
    assertThat(back.out()).contains("export added alpha_sub");
  }

  @Test
  void theAbiSuiteFailsOnlyWithFailOnAbiChange() throws Exception {
    CheckReport current = new Checker(Progress.SILENT).run(new CheckRequest(tmp.resolve("crc/dist"), Optional.of(kernel),
        Path.of("/usr/aarch64-linux-gnu"), CheckTarget.aarch64()));
    ReportOptions options = new ReportOptions(tmp.resolve("crc-soft"), "demo", Fixtures.EPOCH, Optional.empty(), Map.of())
        .withBaseline(Optional.of(tmp.resolve("base")), false);
    ReportWriter.Written soft = ReportWriter.writeAll(current, options);
    assertThat(soft.abiFailed(options)).isFalse();
    String xml = Files.readString(tmp.resolve("crc-soft/checks.xml"));
    assertThat(xml).startsWith("<?xml").contains("<testsuites>", "<testsuite name=\"askbuild.abi\"",
        "classname=\"lib/modules/extra/alpha.ko\" name=\"abi\"", "export CRC changed alpha_add").doesNotContain("type=\"abi\"");
    JsonNode checks = new ObjectMapper().readTree(tmp.resolve("crc-soft/checks.json").toFile());
    assertThat(checks.get("passed").asBoolean()).isTrue();
    assertThat(checks.at("/abiDiff/abiChanged").asBoolean()).isTrue();

    ReportOptions strict = options.withBaseline(Optional.of(tmp.resolve("base")), true);
    ReportOptions hard = new ReportOptions(tmp.resolve("crc-hard"), "demo", Fixtures.EPOCH, Optional.empty(), Map.of())
        .withBaseline(strict.baseline(), true);
    ReportWriter.Written failed = ReportWriter.writeAll(current, hard);
    assertThat(failed.abiFailed(hard)).isTrue();
    String strictXml = Files.readString(tmp.resolve("crc-hard/checks.xml"));
    assertThat(strictXml).contains("<testsuite name=\"askbuild.abi\" tests=\"2\" failures=\"2\"", "type=\"abi\"");
    assertThat(new ObjectMapper().readTree(tmp.resolve("crc-hard/checks.json").toFile()).get("passed").asBoolean()).isFalse();
    assertThat(tmp.resolve("crc-hard/abi-diff.json")).content().contains("\"abiChanged\" : true");
    assertThat(tmp.resolve("crc-hard/report.html")).content().contains("ABI CHANGE", "--fail-on-abi-change");
  }

  @Test
  void aChangedVendoredTarballIsNamedAsTheCauseOfTheLibrarysChange() throws Exception {
    Path original = Fixtures.libdemoTarball(Files.createDirectories(tmp.resolve("tar-old")));
    Path changed = Files.createDirectories(tmp.resolve("tar-new")).resolve("libdemo-1.0.tar.gz");
    Path unpacked = Files.createDirectories(tmp.resolve("tar-new/src"));
    Fixtures.run("tar", "-xzf", original.toString(), "-C", unpacked.toString());
    // The new release renames the function: what was exported is gone.
    Path scale = unpacked.resolve("libdemo-1.0/scale.c");
    Files.writeString(scale, Files.readString(scale).replace("demo_scale", "demo_scale_by"));
    Fixtures.run("tar", "-czf", changed.toString(), "-C", unpacked.toString(), "libdemo-1.0");
    library("lib-old", original);
    library("lib-new", changed);

    Run run = diff(dir("lib-old"), dir("lib-new"));
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("input moved: libdemo-1.0.tar.gz: " + Sha256.ofFile(original) + " -> " + Sha256.ofFile(changed))
        .contains("BREAK usr/lib/libdemo.so.1: dynamic export removed demo_scale [cause: libdemo-1.0.tar.gz]")
        .contains("change usr/lib/libdemo.so.1: dynamic export added demo_scale_by [cause: libdemo-1.0.tar.gz]")
        .doesNotContain("ask-demo.tar.gz");
  }

  /** libdemo.so.1 compiled with the cross compiler from the tarball's own sources, then checked. */
  private static void library(String name, Path tarball) throws Exception {
    Path src = Files.createDirectories(tmp.resolve(name).resolve("src"));
    Fixtures.run("tar", "-xzf", tarball.toString(), "-C", src.toString());
    Path tree = src.resolve("libdemo-1.0");
    Path dist = Files.createDirectories(tmp.resolve(name).resolve("dist/usr/lib"));
    Fixtures.run("aarch64-linux-gnu-gcc", "-O2", "-fPIC", "-shared", "-Wl,-soname,libdemo.so.1", "-Wl,-z,noexecstack",
        "-I", tree.resolve("include").toString(), tree.resolve("scale.c").toString(), "-o", dist.resolve("libdemo.so.1").toString());
    // ask-demo.tar.gz is an input of the run that did not move and builds nothing here.
    check(name, Optional.empty(), Map.of("libdemo-1.0.tar.gz", Sha256.ofFile(tarball), "ask-demo.tar.gz", "same"),
        Map.of("usr/lib/libdemo.so.1", List.of("libdemo-1.0.tar.gz")));
  }

  @Test
  void badInputIsExitTwoNamingThePath() throws Exception {
    Run missing = diff(dir("base"), dir("nowhere"));
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nowhere: no such file or directory").doesNotContain("Exception");
    Path broken = Files.createDirectories(tmp.resolve("broken"));
    Files.writeString(broken.resolve("abi.json"), "{\"artifacts\": [ {\"path\": ");
    Run malformed = diff(dir("base"), broken.toString());
    assertThat(malformed.code()).isEqualTo(2);
    assertThat(malformed.err()).contains(broken.resolve("abi.json") + ": cannot read JSON");
  }
}
