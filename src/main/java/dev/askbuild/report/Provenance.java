package dev.askbuild.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.askbuild.check.CheckReport;
import dev.askbuild.check.KernelFacts;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code provenance.json}: the inputs (merged from an earlier stage's JSON, each with its sha256),
 * the toolchain versions, the kernel release and config hash, the epoch and the board.
 */
final class Provenance {
  private Provenance() {}

  static String render(CheckReport report, ReportOptions options, String sha256sums) {
    return render(tree(report, options, sha256sums));
  }

  static String render(ObjectNode root) {
    try {
      return ChecksJson.MAPPER.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** The provenance as a tree, which the HTML page lists the inputs from. */
  static ObjectNode tree(CheckReport report, ReportOptions options, String sha256sums) {
    ObjectNode root = ChecksJson.MAPPER.createObjectNode();
    options.provenanceInput().ifPresent(p -> root.setAll(readInput(p)));
    root.put("board", options.board());
    root.put("epoch", options.epoch());
    ArrayNode inputs = root.has("inputs") && root.get("inputs").isArray() ? (ArrayNode) root.get("inputs") : root.putArray("inputs");
    for (JsonNode input : inputs) {
      if (input instanceof ObjectNode o && o.has("path") && !o.has("sha256")) {
        Path p = Path.of(o.get("path").asText());
        if (Files.isRegularFile(p)) {
          o.put("sha256", Sha256.ofFileUnchecked(p));
        }
      }
    }
    report.kernel().ifPresent(k -> addKernel(root, inputs, k));
    ObjectNode tools = root.putObject("toolchain");
    options.toolchain().forEach(tools::put);
    root.put("target", report.target().triple());
    ObjectNode artifacts = root.putObject("artifacts");
    artifacts.put("count", report.artifacts().size());
    artifacts.put("sha256sumsSha256", Sha256.ofString(sha256sums));
    root.put("checksPassed", report.passed());
    root.put("askbuildVersion", dev.askbuild.core.Version.NUMBER);
    return root;
  }

  private static void addKernel(ObjectNode root, ArrayNode inputs, KernelFacts k) {
    root.putObject("kernel")
        .put("release", k.release())
        .put("configSha256", k.configSha256())
        .put("symversSha256", k.symversSha256())
        .put("modversions", k.modversions());
    inputs.addObject().put("name", "kernel .config").put("path", kernelFile(k.dir(), ".config")).put("sha256", k.configSha256());
    if (!k.symversSha256().isEmpty()) {
      inputs.addObject().put("name", "kernel Module.symvers").put("path", kernelFile(k.dir(), "Module.symvers")).put("sha256", k.symversSha256());
    }
  }

  /**
   * Where a kernel file came from: a tree of the stage cache by its place in the cache ({@code
   * $CACHE/kernel/<id>/tree/.config}), so two builds of the same inputs write the same report
   * whichever directory their caches are in; a tree given by hand by its path.
   */
  static String kernelFile(String dir, String file) {
    Path tree = Path.of(dir);
    Path entry = tree.getParent();
    Path kernels = entry == null ? null : entry.getParent();
    if (tree.getFileName() != null && tree.getFileName().toString().equals("tree") && kernels != null
        && kernels.getFileName() != null && kernels.getFileName().toString().equals("kernel")) {
      return "$CACHE/kernel/" + entry.getFileName() + "/tree/" + file;
    }
    return tree.resolve(file).toString();
  }

  private static ObjectNode readInput(Path file) {
    try {
      JsonNode node = ChecksJson.MAPPER.readTree(file.toFile());
      if (!(node instanceof ObjectNode o)) {
        throw AskBuildException.badInput(file + ": provenance input must be a JSON object");
      }
      return o;
    } catch (IOException e) {
      throw AskBuildException.badInput(file + ": cannot read provenance JSON: " + e.getMessage(), e);
    }
  }
}
