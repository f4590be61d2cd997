package dev.askbuild.jenkins.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the engine's {@code --json} stdout into the small serializable map a step returns: the
 * envelope's status, exit code and paths, plus every scalar field of its stage-specific
 * {@code result} copied as it is (containers become a {@code <name>Count}), so a field the engine
 * adds reaches Pipeline users without a change here.
 */
public final class EngineResult {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> ENVELOPE =
      List.of("command", "board", "status", "exitCode", "error", "seconds", "cache", "out");

  private EngineResult() {}

  /**
   * @param exitCode the process's exit code, which wins over the JSON's when they disagree
   * @param stderrTail the end of the engine's standard error, for a failure without JSON
   * @throws StageFailedException when the engine failed, with its exit code and message
   */
  public static LinkedHashMap<String, Serializable> parse(String step, String stdout, int exitCode, String stderrTail) {
    JsonNode root = readObject(stdout);
    if (root == null) {
      String why = exitCode == 0 ? "printed no JSON result" : "printed no JSON result; last output: " + stderrTail.strip();
      throw new StageFailedException(step, exitCode == 0 ? 2 : exitCode, "the engine " + why, Map.of());
    }
    LinkedHashMap<String, Serializable> map = new LinkedHashMap<>();
    for (String field : ENVELOPE) {
      copyScalar(map, field, root.get(field));
    }
    map.put("exitCode", exitCode);
    JsonNode result = root.get("result");
    if (result != null && result.isObject()) {
      for (Map.Entry<String, JsonNode> e : result.properties()) {
        if (ENVELOPE.contains(e.getKey())) {
          continue;
        }
        if (e.getValue().isContainerNode()) {
          map.put(e.getKey() + "Count", e.getValue().size());
        } else {
          copyScalar(map, e.getKey(), e.getValue());
        }
      }
    }
    boolean ok = exitCode == 0 && !"failed".equals(map.get("status"));
    map.put("status", ok ? "ok" : "failed");
    if (!ok) {
      Object error = map.get("error");
      throw new StageFailedException(step, exitCode == 0 ? 1 : exitCode,
          error != null ? error.toString() : "the engine reported failure", map);
    }
    return map;
  }

  private static JsonNode readObject(String stdout) {
    // stdout holds exactly one JSON object by contract; stray lines before it are tolerated so an
    // agent's JVM banner (e.g. JAVA_TOOL_OPTIONS "Picked up ...") does not lose the result.
    int start = stdout.indexOf('{');
    if (start < 0) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(stdout.substring(start));
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static void copyScalar(Map<String, Serializable> map, String name, JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      return;
    }
    if (node.isBoolean()) {
      map.put(name, node.booleanValue());
    } else if (node.isIntegralNumber()) {
      map.put(name, node.canConvertToInt() ? (Serializable) node.intValue() : (Serializable) node.longValue());
    } else if (node.isNumber()) {
      map.put(name, node.doubleValue());
    } else {
      map.put(name, node.asText());
    }
  }
}
