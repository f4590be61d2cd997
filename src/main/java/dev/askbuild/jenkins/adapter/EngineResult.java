package dev.askbuild.jenkins.adapter;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the engine's {@code --json} result (already parsed into maps and lists) into the small
 * serializable map a step returns: the envelope's status, exit code and paths, plus every scalar
 * field of its stage-specific {@code result} copied as it is (containers become a
 * {@code <name>Count}), so a field the engine adds reaches Pipeline users without a change here.
 */
public final class EngineResult {
  private static final List<String> ENVELOPE =
      List.of("command", "board", "status", "exitCode", "error", "seconds", "cache", "out");

  private EngineResult() {}

  /**
   * @param root the JSON object the engine printed, or null when it printed none
   * @param exitCode the process's exit code, which wins over the JSON's when they disagree
   * @param stderrTail the end of the engine's standard error, for a failure without JSON
   * @throws StageFailedException when the engine failed, with its exit code and message
   */
  public static LinkedHashMap<String, Serializable> of(String step, Map<?, ?> root, int exitCode, String stderrTail) {
    if (root == null) {
      String why = exitCode == 0 ? "printed no JSON result" : "printed no JSON result; last output: " + stderrTail.strip();
      throw new StageFailedException(step, exitCode == 0 ? 2 : exitCode, "the engine " + why, Map.of());
    }
    LinkedHashMap<String, Serializable> map = new LinkedHashMap<>();
    for (String field : ENVELOPE) {
      copyScalar(map, field, root.get(field));
    }
    map.put("exitCode", exitCode);
    if (root.get("result") instanceof Map<?, ?> result) {
      for (Map.Entry<?, ?> e : result.entrySet()) {
        String name = String.valueOf(e.getKey());
        if (ENVELOPE.contains(name)) {
          continue;
        }
        if (e.getValue() instanceof Map<?, ?> m) {
          map.put(name + "Count", m.size());
        } else if (e.getValue() instanceof List<?> l) {
          map.put(name + "Count", l.size());
        } else {
          copyScalar(map, name, e.getValue());
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

  /** JSON scalars only; json-lib's JSONNull and any container are left out. */
  private static void copyScalar(Map<String, Serializable> map, String name, Object value) {
    if (value instanceof Boolean || value instanceof String) {
      map.put(name, (Serializable) value);
    } else if (value instanceof Integer || value instanceof Long) {
      long n = ((Number) value).longValue();
      map.put(name, n == (int) n ? (Serializable) (int) n : (Serializable) n);
    } else if (value instanceof Number n) {
      map.put(name, n.doubleValue());
    }
  }
}
