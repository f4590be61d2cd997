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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify vendored tarballs against SHA256SUMS before anything is extracted.",
      "Exit 1 on a mismatch, a missing file, a bad signature (or an unlisted file with --strict);"
          + " exit 2 on a malformed list."
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--packages", required = true, paramLabel = "DIR", description = "Directory holding the tarballs.")
  Path packages;

  @Option(names = "--sums", paramLabel = "FILE", description = "Checksum list (default: DIR/SHA256SUMS), GNU coreutils format.")
  Path sums;

  @Option(names = "--signature", paramLabel = "FILE", description = "Detached OpenPGP signature of the list (armored or binary).")
  Path signature;

  @Option(names = "--keyring", paramLabel = "FILE", description = "Public key file to check the signature with (armored or binary).")
  Path keyring;

  @Option(names = "--strict", description = "Fail when DIR holds a file the list does not mention.")
  boolean strict;

  @Option(names = "--json", description = "Print the result as JSON on standard output.")
  boolean json;

  @Option(names = "--threads", paramLabel = "N", description = "Files hashed at once (default: one per core).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    VerifyRequest request =
        new VerifyRequest(
            packages,
            sums != null ? sums : packages.resolve("SHA256SUMS"),
            Optional.ofNullable(signature),
            Optional.ofNullable(keyring),
            strict,
            threads,
            java.util.Set.of());
    VerifyReport report = new PackageVerifier().verify(request);
    report.signature().ifPresent(s -> err.println("good signature on the list by key " + s.keyId()));
    for (FileVerdict v : report.verdicts()) {
      if (v.status() == Status.UNLISTED && !strict) {
        err.println("warning: " + v.describe());
      } else if (report.isFailure(v)) {
        err.println(v.describe());
      }
    }
    if (json) {
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
        .signature()
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
