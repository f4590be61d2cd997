package dev.askbuild.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.verify.FileVerdict;
import dev.askbuild.verify.PackageVerifier;
import dev.askbuild.verify.Status;
import dev.askbuild.verify.VerifyReport;
import dev.askbuild.verify.VerifyRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import dev.askbuild.core.Progress;
import dev.askbuild.job.Stage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify vendored tarballs before anything is extracted: with --board, the board's tarballs"
          + " against its pinned hashes and DIR/SHA256SUMS (result kept in OUT/state for the later"
          + " stages); without, every file of --packages against its list.",
      "Exit 1 on a mismatch, a missing file, a bad signature (or an unlisted file with --strict);"
          + " exit 2 on a malformed list."
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin JobOptions options;

  @Option(names = "--sums", paramLabel = "FILE", description = "Without --board: checksum list (default: DIR/SHA256SUMS), GNU coreutils format.")
  Path sums;

  @Option(names = "--threads", paramLabel = "N", description = "Without --board: files hashed at once (default: one per core).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    if (options.boardMode()) {
      return StageCommand.run(spec, options, Stage.VERIFY);
    }
    if (options.packages == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "give --board B --out DIR (the board's tarballs), or --packages DIR (a directory against its list)");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    VerifyRequest request =
        new VerifyRequest(
            options.packages,
            sums != null ? sums : options.packages.resolve("SHA256SUMS"),
            Optional.ofNullable(options.signature),
            Optional.ofNullable(options.keyring),
            options.strict,
            threads,
            java.util.Set.of());
    VerifyReport report = new PackageVerifier(Progress.SILENT).run(request);
    report.signatureCheck().ifPresent(s -> err.println("good signature on the list by key " + s.keyId()));
    for (FileVerdict v : report.verdicts()) {
      if (v.status() == Status.UNLISTED && !options.strict) {
        err.println("warning: " + v.describe());
      } else if (report.isFailure(v)) {
        err.println(v.describe());
      }
    }
    if (options.json) {
      out.println(toJson(report));
    }
    err.printf(
        "%s: %d ok, %d mismatched, %d missing, %d unlisted%n",
        report.passed() ? "verified" : "FAILED",
        report.count(Status.OK),
        report.count(Status.MISMATCH),
        report.count(Status.MISSING),
        report.count(Status.UNLISTED));
    return report.passed() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
  }

  static String toJson(VerifyReport report) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("sums", report.sums());
    root.put("strict", report.strict());
    root.put("passed", report.passed());
    report
        .signatureCheck()
        .ifPresent(
            s -> root.putObject("signature").put("keyId", s.keyId()).put("userId", s.userId()));
    ArrayNode files = root.putArray("files");
    for (FileVerdict v : report.verdicts()) {
      ObjectNode node = files.addObject();
      node.put("file", v.file());
      node.put("expected", v.expected());
      node.put("actual", v.actual());
      node.put("status", v.status().name().toLowerCase(java.util.Locale.ROOT));
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AskBuildException(ExitCode.BAD_INPUT, "cannot write JSON: " + e.getMessage(), e);
    }
  }
}
