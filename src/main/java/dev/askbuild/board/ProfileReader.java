package dev.askbuild.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Libc;
import dev.askbuild.core.Toolchain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a profile's JSON text into a {@link BoardProfile}. Read by hand from the tree rather than by
 * data binding so that a missing or wrong-typed field is reported with the file and the field's
 * full path ({@code kernel.fragment}), which Jackson's binding messages do not give plainly.
 */
final class ProfileReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String file;

  ProfileReader(String file) {
    this.file = file;
  }

  /** The profile's JSON text, with the fragment and pinned hashes read beside it. */
  BoardProfile read(String text, String fragmentText, PinnedHashes pins, BoardSource source) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw AskBuildException.badInput(
          "board profile " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw AskBuildException.badInput("board profile " + file + " must hold a JSON object");
    }
    JsonNode toolchain = object(root, "toolchain");
    JsonNode kernel = object(root, "kernel");
    JsonNode ask = object(root, "ask");
    // A misspelt field would otherwise be ignored and its default used without a word.
    known(root, "", "name", "description", "inputs", "toolchain", "libc", "platform", "kernel", "ask", "vendored",
        "devPackages");
    known(toolchain, "toolchain.", "arch", "crossCompile", "triple", "interpreter");
    known(kernel, "kernel.", "version", "tarball", "baseConfig", "patches");
    known(ask, "ask.", "tarball");
    // Every file a board names stays in its own directory, the packages directory or the ASK tree.
    boardFiles = new BoardFiles(file, source);
    boardFiles.tarball("kernel.tarball", string(kernel, "kernel.", "tarball"));
    boardFiles.tarball("ask.tarball", string(ask, "ask.", "tarball"));
    boardFiles.file("kernel.baseConfig", string(kernel, "kernel.", "baseConfig"));
    optionalString(kernel, "kernel.", "patches").ifPresent(v -> boardFiles.file("kernel.patches", v));
    return new BoardProfile(
        string(root, "", "name"),
        string(root, "", "description"),
        new Toolchain(
            string(toolchain, "toolchain.", "arch"),
            string(toolchain, "toolchain.", "crossCompile"),
            string(toolchain, "toolchain.", "triple"),
            string(toolchain, "toolchain.", "interpreter"),
            // The board's default; --libc overrides it for one run (BoardProfile.withLibc).
            Libc.parse(optionalString(root, "", "libc").orElse("glibc"), "board profile " + file + ": field 'libc'")),
        optionalString(root, "", "platform"),
        new BoardProfile.KernelSpec(
            string(kernel, "kernel.", "tarball"),
            string(kernel, "kernel.", "baseConfig"),
            optionalString(kernel, "kernel.", "patches"),
            kernelVersion(optionalString(kernel, "kernel.", "version"))),
        string(ask, "ask.", "tarball"),
        vendored(root),
        optionalStrings(root, "", "devPackages"),
        inputs(root),
        fragmentText,
        pins,
        source);
  }

  private Optional<String> kernelVersion(Optional<String> value) {
    if (value.isPresent() && !value.get().matches("\\d+\\.\\d+(\\.\\d+)?")) {
      throw AskBuildException.badInput("board profile " + file + ": field 'kernel.version' must be like 6.12 or"
          + " 6.12.49, got '" + value.get() + "'");
    }
    return value;
  }

  /** {@code "inputs": "generated"} marks a board whose inputs ask-build makes (the demo board). */
  private boolean inputs(JsonNode root) {
    Optional<String> inputs = optionalString(root, "", "inputs");
    if (inputs.isPresent() && !inputs.get().equals("generated") && !inputs.get().equals("packages")) {
      throw AskBuildException.badInput("board profile " + file
          + ": field 'inputs' must be 'generated' or 'packages', got '" + inputs.get() + "'");
    }
    return inputs.orElse("packages").equals("generated");
  }

  private BoardFiles boardFiles;

  private List<BoardProfile.VendoredLibrary> vendored(JsonNode root) {
    JsonNode list = root.get("vendored");
    if (list == null) {
      return List.of();
    }
    if (!list.isArray()) {
      throw wrongType("vendored", "an array", list);
    }
    List<BoardProfile.VendoredLibrary> libs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "vendored[" + i + "].";
      JsonNode lib = list.get(i);
      if (!lib.isObject()) {
        throw wrongType("vendored[" + i + "]", "an object", lib);
      }
      known(lib, path, "name", "tarball", "patches", "build", "args", "needs");
      String name = string(lib, path, "name");
      if (names.contains(name)) {
        throw AskBuildException.badInput("board profile " + file + ": field '" + path + "name' repeats '" + name + "'");
      }
      List<String> needs = optionalStrings(lib, path, "needs");
      for (String need : needs) {
        // Listed before it, so the sysroot builds the libraries in the order the profile gives.
        if (!names.contains(need)) {
          throw AskBuildException.badInput("board profile " + file + ": field '" + path + "needs' names '" + need
              + "', which is not a vendored library listed before " + name + " (listed before it: "
              + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
      }
      names.add(name);
      boardFiles.tarball(path + "tarball", string(lib, path, "tarball"));
      List<String> patches = optionalStrings(lib, path, "patches");
      for (int p = 0; p < patches.size(); p++) {
        boardFiles.file(path + "patches[" + p + "]", patches.get(p));
      }
      libs.add(
          new BoardProfile.VendoredLibrary(
              name,
              string(lib, path, "tarball"),
              optionalStrings(lib, path, "patches"),
              build(optionalString(lib, path, "build").orElse("autotools"), path),
              optionalStrings(lib, path, "args"),
              needs));
    }
    return libs;
  }

  /**
   * Exit 2 naming a field {@code node} has that is not one of {@code fields}; a field ending in
   * {@code Comment} says why a value is what it is, and is allowed beside any field.
   */
  private void known(JsonNode node, String prefix, String... fields) {
    List<String> allowed = List.of(fields);
    node.fieldNames().forEachRemaining(field -> {
      if (!allowed.contains(field) && !field.endsWith("Comment") && !field.equals("comment")) {
        throw AskBuildException.badInput("board profile " + file + ": unknown field '" + prefix + field
            + "' (known here: " + String.join(", ", allowed) + ", or a *Comment field)");
      }
    });
  }

  private BuildKind build(String value, String path) {
    for (BuildKind kind : BuildKind.values()) {
      if (kind.label().equals(value)) {
        return kind;
      }
    }
    throw AskBuildException.badInput("board profile " + file + ": field '" + path + "build' must be one of autotools, make, compile, got '"
        + value + "'");
  }

  private JsonNode object(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      throw missing(field);
    }
    if (!node.isObject()) {
      throw wrongType(field, "an object", node);
    }
    return node;
  }

  private String string(JsonNode parent, String prefix, String field) {
    return optionalString(parent, prefix, field).orElseThrow(() -> missing(prefix + field));
  }

  private Optional<String> optionalString(JsonNode parent, String prefix, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw wrongType(prefix + field, "a non-empty string", node);
    }
    return Optional.of(node.asText());
  }

  private List<String> optionalStrings(JsonNode parent, String prefix, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw wrongType(prefix + field, "an array of strings", node);
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        throw wrongType(prefix + field + "[" + i + "]", "a string", node.get(i));
      }
      values.add(node.get(i).asText());
    }
    return values;
  }

  private AskBuildException missing(String field) {
    return AskBuildException.badInput("board profile " + file + ": missing field '" + field + "'");
  }

  private AskBuildException wrongType(String field, String expected, JsonNode got) {
    return AskBuildException.badInput(
        "board profile "
            + file
            + ": field '"
            + field
            + "' must be "
            + expected
            + ", got "
            + got.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
            + " "
            + got);
  }
}
