package dev.askbuild.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.board.BoardProfile;
import dev.askbuild.board.Boards;
import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads compile plans: the board's own ({@code compile.json} in its directory) or a file. A missing or wrong-typed field is an error naming the file and the field.
 */
public final class CompilePlans {
  private CompilePlans() {}

  /** The plan in the board's directory ({@code compile.json}). */
  public static CompilePlan forBoard(BoardProfile board) throws IOException {
    Boards.BoardFile file = Boards.file(board, Boards.COMPILE_PLAN);
    CompilePlan plan = parse(new ObjectMapper().readTree(file.text()), file.source());
    requireBoardLibraries(plan, board, file.source());
    return plan;
  }

  /**
   * Every vendored name the plan uses is one of the board's libraries, every seed is unpacked for
   * some component, and every library of the board is needed by some component: a library no
   * component names would never be verified or built, which is a mistake in the data, not a choice.
   */
  static void requireBoardLibraries(CompilePlan plan, BoardProfile board, String source) {
    java.util.Set<String> named = new java.util.TreeSet<>();
    plan.components().forEach((name, c) -> c.vendored().forEach(lib -> {
      if (board.library(lib).isEmpty()) {
        throw AskBuildException.badInput(source + ": field 'components." + name + ".vendored' names '" + lib
            + "', which is not a vendored library of board " + board.name() + " (its libraries: "
            + String.join(", ", board.vendored().stream().map(BoardProfile.VendoredLibrary::name).toList()) + ")");
      }
      named.add(lib);
    }));
    for (CompilePlan.Seed seed : plan.seeds()) {
      if (!named.contains(seed.vendored())) {
        throw AskBuildException.badInput(source + ": seed " + seed.path() + " unpacks '" + seed.vendored()
            + "', which no component lists in its 'vendored' field, so no selection would ever unpack it");
      }
    }
    java.util.Set<String> reached = new java.util.TreeSet<>();
    board.withNeeds(named).forEach(lib -> reached.add(lib.name()));
    for (BoardProfile.VendoredLibrary lib : board.vendored()) {
      if (!reached.contains(lib.name())) {
        throw AskBuildException.badInput(source + ": board " + board.name() + "'s vendored library " + lib.name()
            + " is needed by no component (list it in a component's 'vendored' field, or another library's 'needs')");
      }
    }
  }

  public static CompilePlan read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw AskBuildException.badInput("compile plan " + file + " does not exist");
    }
    return parse(new ObjectMapper().readTree(file.toFile()), file.toString());
  }

  static CompilePlan parse(JsonNode root, String source) {
    Fields f = new Fields(source);
    // A misspelt field would otherwise be ignored and its default used without a word.
    f.known(root, "", "components", "defines", "seeds", "versionHeader", "requirements", "steps", "artifacts",
        "libcRefusals");
    List<CompilePlan.Seed> seeds = new ArrayList<>();
    for (JsonNode n : f.array(root, "seeds", true)) {
      f.known(n, "seeds[].", "vendored", "path", "unpack", "patches");
      if (n.has("patches")) {
        throw f.wrong("seeds[].patches", "absent: a seed's patches are the board's, in profile.json vendored[].patches");
      }
      JsonNode unpack = n.get("unpack");
      if (unpack != null && !unpack.isBoolean()) {
        throw f.wrong("seeds[].unpack", "true or false");
      }
      seeds.add(new CompilePlan.Seed(f.text(n, "seeds[].vendored"), f.text(n, "seeds[].path"),
          unpack != null && unpack.asBoolean()));
    }
    Optional<CompilePlan.VersionHeader> header = Optional.empty();
    if (root.has("versionHeader")) {
      JsonNode h = root.get("versionHeader");
      header = Optional.of(new CompilePlan.VersionHeader(f.text(h, "versionHeader.path"), f.text(h, "versionHeader.content")));
    }
    List<CompilePlan.Requirement> requirements = new ArrayList<>();
    for (JsonNode n : f.array(root, "requirements", true)) {
      f.known(n, "requirements[].", "component", "kind", "value", "from");
      String kind = f.text(n, "requirements[].kind");
      requirements.add(new CompilePlan.Requirement(f.text(n, "requirements[].component"),
          RequirementKind.parse(kind).orElseThrow(() -> f.wrong("requirements[].kind",
              "kernel-file, kernel-config or kernel-symbol, got '" + kind + "'")),
          f.text(n, "requirements[].value"), n.has("from") ? f.text(n, "requirements[].from") : ""));
    }
    List<CompilePlan.Step> steps = new ArrayList<>();
    for (JsonNode n : f.array(root, "steps", false)) {
      f.known(n, "steps[].", "component", "phase", "dir", "targets", "variables", "env", "builds");
      List<String> targets = new ArrayList<>();
      for (JsonNode t : f.array(n, "targets", true)) {
        targets.add(f.textValue(t, "steps[].targets[]"));
      }
      Map<String, String> vars = f.strings(n, "variables");
      Map<String, String> env = f.strings(n, "env");
      String phase = f.text(n, "steps[].phase");
      if (!phase.equals("modules") && !phase.equals("userspace")) {
        throw f.wrong("steps[].phase", "\"modules\" or \"userspace\"");
      }
      List<String> builds = new ArrayList<>();
      for (JsonNode b : f.array(n, "builds", true)) {
        builds.add(f.textValue(b, "steps[].builds[]"));
      }
      steps.add(new CompilePlan.Step(f.text(n, "steps[].component"), phase, f.text(n, "steps[].dir"), targets, vars, env,
          builds));
    }
    List<CompilePlan.Artifact> artifacts = new ArrayList<>();
    for (JsonNode n : f.array(root, "artifacts", false)) {
      f.known(n, "artifacts[].", "component", "path", "name");
      artifacts.add(new CompilePlan.Artifact(
          f.text(n, "artifacts[].component"), f.text(n, "artifacts[].path"), f.text(n, "artifacts[].name")));
    }
    Map<String, CompilePlan.Component> components = new LinkedHashMap<>();
    JsonNode declared = root.get("components");
    if (declared == null || !declared.isObject()) {
      throw declared == null ? f.missing("components") : f.wrong("components", "an object of components");
    }
    declared.fields().forEachRemaining(e -> {
      String where = "components." + e.getKey();
      String target = f.text(e.getValue(), where + ".target");
      if (!target.equals("modules") && !target.equals("userspace")) {
        throw f.wrong(where + ".target", "\"modules\" or \"userspace\", got '" + target + "'");
      }
      f.known(e.getValue(), where + ".", "target", "needs", "vendored");
      List<String> needs = new ArrayList<>();
      for (JsonNode n : f.array(e.getValue(), "needs", true)) {
        needs.add(f.textValue(n, where + ".needs[]"));
      }
      List<String> vendored = new ArrayList<>();
      for (JsonNode n : f.array(e.getValue(), "vendored", true)) {
        vendored.add(f.textValue(n, where + ".vendored[]"));
      }
      components.put(e.getKey(), new CompilePlan.Component(target, needs, vendored));
    });
    for (CompilePlan.Requirement r : requirements) {
      f.requireDeclared(components, r.component(), "requirements[].component");
    }
    for (CompilePlan.Artifact a : artifacts) {
      f.requireDeclared(components, a.component(), "artifacts[].component");
    }
    components.forEach((name, c) -> c.needs().forEach(n -> f.requireDeclared(components, n, "components." + name + ".needs[]")));
    for (CompilePlan.Step step : steps) {
      for (String built : step.builds()) {
        f.requireDeclared(components, built, "steps[].builds (step " + step.component() + ")");
      }
    }
    // Compile-time switches that several components must agree on (cdx and dpa_app share structures
    // whose layout they change): listed once, used as ${DEFINES} by every step that needs them.
    List<String> defines = new ArrayList<>();
    for (JsonNode d : f.array(root, "defines", true)) {
      String define = f.textValue(d, "defines[]");
      if (!define.matches("[A-Z][A-Z0-9_]*(=[A-Za-z0-9_]+)?")) {
        throw f.wrong("defines[]", "a macro name such as VLAN_FILTER, got '" + define + "'");
      }
      defines.add(define);
    }
    List<CompilePlan.Refusal> refusals = new ArrayList<>();
    for (JsonNode n : f.array(root, "libcRefusals", true)) {
      f.known(n, "libcRefusals[].", "component", "libc", "reason");
      String component = f.text(n, "libcRefusals[].component");
      f.requireDeclared(components, component, "libcRefusals[].component");
      refusals.add(new CompilePlan.Refusal(component,
          dev.askbuild.core.Libc.parse(f.text(n, "libcRefusals[].libc"), "compile plan " + source + ": field 'libcRefusals[].libc'"),
          f.text(n, "libcRefusals[].reason")));
    }
    return new CompilePlan(components, defines, seeds, header, requirements, steps, artifacts, refusals);
  }

  /** Typed field access with errors that name the file and the field. */
  private record Fields(String source) {
    /** Exit 2 naming a field that is not one of {@code fields} (a {@code *Comment} field is allowed). */
    void known(JsonNode node, String prefix, String... fields) {
      if (!node.isObject()) {
        return;
      }
      List<String> allowed = List.of(fields);
      node.fieldNames().forEachRemaining(field -> {
        if (!allowed.contains(field) && !field.endsWith("Comment") && !field.equals("comment")) {
          throw AskBuildException.badInput(source + ": unknown field '" + prefix + field + "' (known here: "
              + String.join(", ", allowed) + ", or a *Comment field)");
        }
      });
    }

    List<JsonNode> array(JsonNode parent, String field, boolean optional) {
      JsonNode n = parent.get(field);
      if (n == null && optional) {
        return List.of();
      }
      if (n == null || !n.isArray()) {
        throw n == null ? missing(field) : wrong(field, "an array");
      }
      List<JsonNode> out = new ArrayList<>();
      n.forEach(out::add);
      return out;
    }

    Map<String, String> strings(JsonNode step, String field) {
      Map<String, String> map = new LinkedHashMap<>();
      JsonNode v = step.get(field);
      if (v != null) {
        if (!v.isObject()) {
          throw wrong("steps[]." + field, "an object of strings");
        }
        // A *Comment key says where the value beside it comes from (the recipe it follows); it is no variable.
        v.fields().forEachRemaining(e -> {
          if (!e.getKey().endsWith("Comment")) {
            map.put(e.getKey(), textValue(e.getValue(), "steps[]." + field + "." + e.getKey()));
          }
        });
      }
      return map;
    }

    String text(JsonNode parent, String path) {
      String field = path.substring(path.lastIndexOf('.') + 1);
      JsonNode n = parent.get(field);
      if (n == null) {
        throw missing(path);
      }
      return textValue(n, path);
    }

    String textValue(JsonNode n, String path) {
      if (!n.isTextual()) {
        throw wrong(path, "a string");
      }
      return n.asText();
    }

    void requireDeclared(Map<String, CompilePlan.Component> components, String name, String field) {
      if (!components.containsKey(name)) {
        throw AskBuildException.badInput(source + ": field '" + field + "' names component '" + name
            + "', which 'components' does not declare (declared: " + String.join(", ", components.keySet()) + ")");
      }
    }

    AskBuildException missing(String field) {
      return AskBuildException.badInput(source + ": field '" + field + "' is missing");
    }

    AskBuildException wrong(String field, String expected) {
      return AskBuildException.badInput(source + ": field '" + field + "' must be " + expected);
    }
  }
}
