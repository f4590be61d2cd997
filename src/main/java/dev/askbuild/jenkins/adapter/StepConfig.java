package dev.askbuild.jenkins.adapter;

import dev.askbuild.board.Boards;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A step's parameters after validation: every name known, every value of its type and in range,
 * every required one present. Built before any work, so a bad parameter fails the step naming it.
 * Holds credential ids, never credential values: it is part of the step's serialized state.
 */
public record StepConfig(StepKind kind, Map<String, Serializable> values) implements Serializable {
  private static final long serialVersionUID = 1L;

  static final Set<String> TARGETS = Set.of("userspace", "modules", "dist");
  static final List<String> STAGES = List.of("verify", "sysroot", "kernel", "compile", "check");
  /** Component names as the boards' compile plans spell them, comma-separated, no spaces. */
  static final Pattern COMPONENTS = Pattern.compile("[A-Za-z0-9_]+(,[A-Za-z0-9_]+)*");

  public StepConfig {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * Validates raw arguments (from the Pipeline, the job form or {@code askBuild}); {@code null}
   * values and empty strings count as not given, as the job form sends them.
   */
  public static StepConfig of(StepKind kind, Map<String, ?> raw) {
    String step = kind.functionName();
    Set<String> unknown = new LinkedHashSet<>(new TreeMap<>(raw).keySet());
    kind.params().forEach(p -> unknown.remove(p.name()));
    if (!unknown.isEmpty()) {
      String name = unknown.iterator().next();
      throw new ParameterException(step, name, "is unknown; " + step + " takes "
          + String.join(", ", kind.params().stream().map(Param::name).toList()));
    }
    Map<String, Serializable> values = new LinkedHashMap<>();
    for (Param p : kind.params()) {
      Object value = raw.get(p.name());
      if (value == null || (value instanceof String s && s.isBlank())) {
        if (p.required()) {
          throw new ParameterException(step, p.name(), "is required");
        }
        continue;
      }
      values.put(p.name(), coerce(step, p, value));
    }
    StepConfig config = new StepConfig(kind, values);
    config.checkRanges();
    return config;
  }

  private static Serializable coerce(String step, Param p, Object value) {
    switch (p.type()) {
      case STRING:
        if (value instanceof String s) {
          return s.strip();
        }
        break;
      case BOOLEAN:
        if (value instanceof Boolean b) {
          return b;
        }
        break;
      case INTEGER:
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
          return ((Number) value).longValue();
        }
        break;
      case PRIVATE_TARBALLS:
        if (value instanceof List<?> list) {
          return privateTarballs(step, p.name(), list);
        }
        break;
      default:
        break;
    }
    throw new ParameterException(step, p.name(), "must be " + p.type().description() + ", got "
        + value.getClass().getSimpleName() + " " + shown(value));
  }

  private static ArrayList<PrivateTarball> privateTarballs(String step, String name, List<?> list) {
    ArrayList<PrivateTarball> tarballs = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = name + "[" + i + "]";
      Object item = list.get(i);
      if (item instanceof PrivateTarball t) {
        item = Map.of("credentialsId", t.credentialsId(), "name", t.name());
      }
      if (!(item instanceof Map<?, ?> map)) {
        throw new ParameterException(step, where, "must be a [credentialsId:, name:] map, got " + shown(item));
      }
      for (Object key : map.keySet()) {
        if (!"credentialsId".equals(key) && !"name".equals(key)) {
          throw new ParameterException(step, where + "." + key, "is unknown; a private tarball takes credentialsId, name");
        }
      }
      String id = textEntry(step, where + ".credentialsId", map.get("credentialsId"));
      String file = textEntry(step, where + ".name", map.get("name"));
      if (file.contains("/") || file.contains("\\") || file.equals("..") || file.equals(".")) {
        throw new ParameterException(step, where + ".name", "must be a plain file name as SHA256SUMS lists it, got '" + file + "'");
      }
      tarballs.add(new PrivateTarball(id, file));
    }
    return tarballs;
  }

  private static String textEntry(String step, String where, Object value) {
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ParameterException(step, where, value == null ? "is required" : "must be a non-empty string, got " + shown(value));
    }
    return s.strip();
  }

  /** Values are echoed in errors only when short: a parameter is never a secret, but a log is no place for a blob. */
  private static String shown(Object value) {
    String s = String.valueOf(value);
    return s.length() > 60 ? "'" + s.substring(0, 57) + "...'" : "'" + s + "'";
  }

  private void checkRanges() {
    String step = kind.functionName();
    String board = string("board");
    if (!Boards.names().contains(board)) {
      throw new ParameterException(step, "board", "names no known board: '" + board + "'; known boards: "
          + String.join(", ", Boards.names()));
    }
    if (kind != StepKind.CHECK && !board.equals("demo") && !values.containsKey("packages")) {
      throw new ParameterException(step, "packages", "is required for board " + board + " (only the demo board makes its own inputs)");
    }
    if (values.containsKey("target") && !TARGETS.contains(string("target"))) {
      throw new ParameterException(step, "target", "must be one of userspace, modules, dist; got '" + string("target") + "'");
    }
    if (values.containsKey("components") && !COMPONENTS.matcher(string("components")).matches()) {
      throw new ParameterException(step, "components", "must be component names ([A-Za-z0-9_]+) separated by commas"
          + " without spaces, e.g. libfci,cmm; got " + shown(string("components")));
    }
    boolean userspace = "userspace".equals(string("target"));
    if (kind == StepKind.KERNEL && userspace) {
      throw new ParameterException(step, "target", "is userspace, which builds without a kernel: the kernel stage is not part of it");
    }
    if (values.containsKey("stages")) {
      List<String> stages = new ArrayList<>();
      for (String stage : string("stages").split(",")) {
        if (!STAGES.contains(stage.strip())) {
          throw new ParameterException(step, "stages", "names an unknown stage '" + stage.strip() + "'; known: " + String.join(",", STAGES));
        }
        stages.add(stage.strip());
      }
      // As the engine plans it: all stages of a userspace build skip the kernel, a subset may not name it.
      if (userspace && stages.contains("kernel") && !stages.containsAll(STAGES)) {
        throw new ParameterException(step, "stages", "names kernel, but the userspace target builds without a kernel");
      }
    }
    if (values.containsKey("epoch") && (number("epoch") < 0 || number("epoch") > dev.askbuild.core.SourceDateEpoch.MAX)) {
      throw new ParameterException(step, "epoch", "must be between 0 and " + dev.askbuild.core.SourceDateEpoch.MAX
          + " (2106-02-07T06:28:15Z, the end of 32-bit unsigned tar and ext4 time fields), got " + number("epoch"));
    }
    if (values.containsKey("jobs") && number("jobs") < 1) {
      throw new ParameterException(step, "jobs", "must be at least 1, got " + number("jobs"));
    }
    if (values.containsKey("signatureCredentialsId") != values.containsKey("keyringCredentialsId")) {
      String missing = values.containsKey("signatureCredentialsId") ? "keyringCredentialsId" : "signatureCredentialsId";
      throw new ParameterException(step, missing, "is required when the other of signatureCredentialsId/keyringCredentialsId is given");
    }
    if (string("out") != null && (string("out").startsWith("/") || List.of(string("out").split("/")).contains(".."))) {
      // Every step and the archiving must agree on one directory inside the workspace.
      throw new ParameterException(step, "out", "must be a path inside the workspace, got '" + string("out") + "'");
    }
  }

  public String string(String name) {
    return (String) values.get(name);
  }

  public boolean flag(String name) {
    return Boolean.TRUE.equals(values.get(name));
  }

  public Long number(String name) {
    return (Long) values.get(name);
  }

  /** The output directory relative to the workspace. */
  public String out() {
    String out = string("out");
    return out == null ? StepKind.DEFAULT_OUT : out;
  }

  @SuppressWarnings("unchecked")
  public List<PrivateTarball> privateTarballs() {
    Object list = values.get("privateTarballs");
    return list == null ? List.of() : List.copyOf((List<PrivateTarball>) list);
  }

  /** Every credential id the step reads, each once, in parameter order. */
  public List<String> credentialIds() {
    Set<String> ids = new LinkedHashSet<>();
    if (values.containsKey("signatureCredentialsId")) {
      ids.add(string("signatureCredentialsId"));
      ids.add(string("keyringCredentialsId"));
    }
    privateTarballs().forEach(t -> ids.add(t.credentialsId()));
    return List.copyOf(ids);
  }
}
