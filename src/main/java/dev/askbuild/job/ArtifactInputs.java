package dev.askbuild.job;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.compile.CompilePlan;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which inputs each artifact of dist is built from, by the names {@code provenance.json} gives
 * them, so that {@code askbuild diff} can name a moved input as the cause of an artifact's change:
 * every artifact from the ASK tarball; a module also from the kernel (tarball, .config,
 * Module.symvers, config fragment, patches); a userspace program also from the vendored libraries
 * its component and what it is built against name, with the libraries those need, and the sysroot.
 */
final class ArtifactInputs {
  private ArtifactInputs() {}

  static Map<String, List<String>> of(BoardProfile board, CompilePlan plan, BoardInputs inputs,
      Set<String> components, List<String> kernelPatches, boolean kernel) {
    Map<String, List<String>> out = new TreeMap<>();
    for (CompilePlan.Artifact a : plan.artifacts()) {
      if (!components.contains(a.component())) {
        continue;
      }
      Set<String> from = new TreeSet<>();
      from.add(inputs.name("ask"));
      if (plan.phaseOf(a.component()).equals("modules") && kernel) {
        from.add(inputs.name("kernel"));
        from.add("kernel .config");
        from.add("kernel Module.symvers");
        from.add("kernel config fragment");
        kernelPatches.forEach(p -> from.add("kernel patch " + p));
      } else {
        from.add("sysroot");
        for (BoardProfile.VendoredLibrary lib : board.withNeeds(vendored(plan, a.component()))) {
          from.add(lib.tarball());
        }
      }
      out.put(a.name(), new ArrayList<>(from));
    }
    return out;
  }

  /** The vendored libraries of a component and of every component it is built against. */
  private static Set<String> vendored(CompilePlan plan, String component) {
    Set<String> names = new TreeSet<>();
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(component));
    while (!todo.isEmpty()) {
      String c = todo.pop();
      CompilePlan.Component spec = plan.components().get(c);
      if (spec != null && seen.add(c)) {
        names.addAll(spec.vendored());
        todo.addAll(spec.needs());
      }
    }
    return names;
  }
}
