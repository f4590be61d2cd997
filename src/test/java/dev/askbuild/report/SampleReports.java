package dev.askbuild.report;

import dev.askbuild.check.Artifact;
import dev.askbuild.check.CheckReport;
import dev.askbuild.check.CheckResult;
import dev.askbuild.check.CheckStatus;
import dev.askbuild.check.CheckTarget;
import dev.askbuild.check.KernelFacts;
import dev.askbuild.core.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small check report over real files in a dist directory, one failing check among passes. */
final class SampleReports {
  private SampleReports() {}

  static CheckReport failing(Path dist) throws IOException {
    Files.createDirectories(dist.resolve("usr/bin"));
    Files.writeString(dist.resolve("usr/bin/a-tool"), "tool <&> \"quoted\"\n");
    Files.writeString(dist.resolve("usr/bin/z-broken"), "broken\n");
    List<Artifact> artifacts = List.of(
        artifact(dist, "usr/bin/a-tool", "executable"),
        artifact(dist, "usr/bin/z-broken", "executable"));
    List<CheckResult> results = List.of(
        new CheckResult("usr/bin/a-tool", "elf.machine", CheckStatus.PASS, "AArch64 (183)", "AArch64 (183)", ""),
        new CheckResult("usr/bin/a-tool", "relro", CheckStatus.INFO, "", "full", ""),
        new CheckResult("usr/bin/z-broken", "elf.machine", CheckStatus.PASS, "AArch64 (183)", "AArch64 (183)", ""),
        new CheckResult("usr/bin/z-broken", "interp", CheckStatus.FAIL, "/lib/ld-linux-aarch64.so.1", "/lib/ld-musl-aarch64.so.1",
            "PT_INTERP is not the board's loader <script>"));
    return new CheckReport(artifacts, results,
        new KernelFacts("/k", "6.1.0-56-arm64", "c0ffee", "beef", true), CheckTarget.aarch64(), List.of());
  }

  /**
   * The failing report with the ABI facts of a shared library {@code usr/bin/a-tool} exporting
   * {@code symbols}, so that two of them differ in their exports.
   */
  static CheckReport withExports(Path dist, String... symbols) throws IOException {
    CheckReport r = failing(dist);
    List<dev.askbuild.check.ArtifactAbi.AbiSymbol> exports = java.util.Arrays.stream(symbols)
        .map(n -> new dev.askbuild.check.ArtifactAbi.AbiSymbol(n, -1, false)).toList();
    dev.askbuild.check.ArtifactAbi abi = new dev.askbuild.check.ArtifactAbi("usr/bin/a-tool", "shared-library", "", exports,
        List.of(), "", "", List.of(), "liba.so.1", List.of("libc.so.6"), "", "", "", Map.of(".text", 100L + symbols.length));
    // Another build of the tool: other bytes (the diff looks only into artifacts whose bytes differ).
    List<Artifact> artifacts = r.artifacts().stream()
        .map(a -> a.path().equals("usr/bin/a-tool")
            ? new Artifact(a.path(), a.size(), Sha256.ofString(String.join(",", symbols)), a.kind()) : a)
        .toList();
    return new CheckReport(artifacts, r.results(), r.kernelFacts(), r.target(), r.messages(), List.of(abi));
  }

  static ReportOptions options(Path dir, Optional<Path> provenance) {
    return new ReportOptions(dir, "demo", 1700000000L, provenance, Map.of("aarch64-linux-gnu-gcc", "gcc 12"));
  }

  private static Artifact artifact(Path dist, String rel, String kind) throws IOException {
    Path f = dist.resolve(rel);
    return new Artifact(rel, Files.size(f), Sha256.ofFile(f), kind);
  }
}
