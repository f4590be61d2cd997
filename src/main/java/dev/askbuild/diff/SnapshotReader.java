package dev.askbuild.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.check.ArtifactAbi;
import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads one side of a diff from where a build left its record: an out directory (its {@code
 * reports/}), a reports directory, a directory holding an archived {@code checks.json} and {@code
 * provenance.json} (Jenkins' artifacts), or one of those files itself; {@code abi.json} beside them
 * is preferred to {@code checks.json}, which has no ABI facts. Anything else is bad input naming the
 * path.
 */
public final class SnapshotReader {
  static final String ABI = "abi.json";
  static final String CHECKS = "checks.json";
  static final String PROVENANCE = "provenance.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SnapshotReader() {}

  static Snapshot read(Path location) {
    Path dir = recordDir(location);
    Path abi = dir.resolve(ABI);
    boolean abiKnown = Files.isRegularFile(abi);
    Path record = abiKnown ? abi : dir.resolve(CHECKS);
    JsonNode root = readJson(record);
    JsonNode artifacts = root.get("artifacts");
    if (artifacts == null || !artifacts.isArray()) {
      throw AskBuildException.badInput(record + ": no \"artifacts\" array; not an askbuild " + record.getFileName());
    }
    SortedMap<String, ArtifactFacts> facts = new TreeMap<>();
    for (JsonNode a : artifacts) {
      String path = text(a, "path");
      if (path.isEmpty()) {
        throw AskBuildException.badInput(record + ": an artifact without \"path\"");
      }
      facts.put(path, new ArtifactFacts(path, text(a, "kind"), a.path("size").asLong(), text(a, "sha256"),
          abiKnown ? abi(record, path, text(a, "kind"), a) : null));
    }
    Path provenance = dir.resolve(PROVENANCE);
    SortedMap<String, InputFact> inputs = new TreeMap<>();
    Map<String, List<String>> artifactInputs = new HashMap<>();
    String release = root.path("kernel").path("release").asText("");
    if (Files.isRegularFile(provenance)) {
      JsonNode p = readJson(provenance);
      inputs.putAll(ProvenanceInputs.of(p));
      JsonNode map = p.path("artifactInputs");
      for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        List<String> names = new ArrayList<>();
        e.getValue().forEach(n -> names.add(n.asText()));
        artifactInputs.put(e.getKey(), names);
      }
      if (release.isEmpty()) {
        release = p.path("kernel").path("release").asText("");
      }
    }
    return new Snapshot(location.toString(), root.path("board").asText(""), release, facts, inputs, artifactInputs,
        abiKnown);
  }

  /** The directory that holds the record files, or bad input saying what was looked for. */
  static Path recordDir(Path location) {
    if (Files.isRegularFile(location)) {
      String name = location.getFileName().toString();
      if (!name.equals(ABI) && !name.equals(CHECKS) && !name.equals(PROVENANCE)) {
        throw AskBuildException.badInput(location + ": not an askbuild record (give an out dir, a reports dir, "
            + "abi.json, or checks.json with provenance.json beside it)");
      }
      Path parent = location.toAbsolutePath().getParent();
      if (!Files.isRegularFile(parent.resolve(ABI)) && !Files.isRegularFile(parent.resolve(CHECKS))) {
        throw AskBuildException.badInput(location + ": no abi.json or checks.json beside it in " + parent);
      }
      return parent;
    }
    if (!Files.isDirectory(location)) {
      throw AskBuildException.badInput(location + ": no such file or directory");
    }
    for (Path dir : List.of(location, location.resolve("reports"))) {
      if (Files.isRegularFile(dir.resolve(ABI)) || Files.isRegularFile(dir.resolve(CHECKS))) {
        return dir;
      }
    }
    throw AskBuildException.badInput(location + ": holds no abi.json or checks.json (nor does its reports/): "
        + "not an askbuild out dir or reports dir");
  }

  private static JsonNode readJson(Path file) {
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (node == null || !node.isObject()) {
        throw AskBuildException.badInput(file + ": not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw AskBuildException.badInput(file + ": cannot read JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  private static ArtifactAbi abi(Path record, String path, String kind, JsonNode a) {
    JsonNode module = a.get("module");
    JsonNode elf = a.get("elf");
    if (module == null && elf == null) {
      return null; // not an ELF file
    }
    Map<String, Long> sections = new TreeMap<>();
    a.path("sections").fields().forEachRemaining(e -> sections.put(e.getKey(), e.getValue().asLong()));
    if (module != null) {
      return new ArtifactAbi(path, kind, text(module, "name"), symbols(record, path, module.path("exports")),
          symbols(record, path, module.path("imports")), text(module, "vermagic"), text(module, "license"),
          strings(module.path("depends")), "", List.of(), "", "", "", sections);
    }
    List<ArtifactAbi.AbiSymbol> exports = new ArrayList<>();
    elf.path("exports").forEach(n -> exports.add(new ArtifactAbi.AbiSymbol(n.asText(), -1, false)));
    return new ArtifactAbi(path, kind, "", exports, List.of(), "", "", List.of(), text(elf, "soname"),
        strings(elf.path("needed")), text(elf, "interpreter"), text(elf, "rpath"), text(elf, "runpath"), sections);
  }

  private static List<ArtifactAbi.AbiSymbol> symbols(Path record, String path, JsonNode list) {
    List<ArtifactAbi.AbiSymbol> out = new ArrayList<>(list.size());
    for (JsonNode s : list) {
      String crc = text(s, "crc");
      long value = -1;
      if (!crc.isEmpty()) {
        try {
          value = Long.parseLong(crc.startsWith("0x") ? crc.substring(2) : crc, 16);
        } catch (NumberFormatException e) {
          throw AskBuildException.badInput(record + ": " + path + ": symbol " + text(s, "symbol") + " has CRC '" + crc
              + "', not a hex number");
        }
      }
      out.add(new ArtifactAbi.AbiSymbol(text(s, "symbol"), value, s.path("gpl").asBoolean(false)));
    }
    return out;
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }
}
