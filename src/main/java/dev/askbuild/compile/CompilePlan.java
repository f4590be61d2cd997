package dev.askbuild.compile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one ASK release is built offline, as data: which vendored tarballs go where the upstream
 * build expected downloads, the version header a tarball build lacks, what each component needs of
 * the kernel tree, the make steps in dependency order, and the artifacts for {@code dist/}. A new
 * ASK release needs a new plan, not new code.
 */
public record CompilePlan(
    Map<String, Component> components,
    List<String> defines,
    List<Seed> seeds,
    Optional<VersionHeader> versionHeader,
    List<Requirement> requirements,
    List<Step> steps,
    List<Artifact> artifacts,
    List<Refusal> refusals) {
  public CompilePlan {
    refusals = List.copyOf(refusals);
    components = Map.copyOf(components);
    defines = List.copyOf(defines);
    seeds = List.copyOf(seeds);
    requirements = List.copyOf(requirements);
    steps = List.copyOf(steps);
    artifacts = List.copyOf(artifacts);
  }

  /** A plan that refuses nothing. */
  public CompilePlan(Map<String, Component> components, List<String> defines, List<Seed> seeds,
      Optional<VersionHeader> versionHeader, List<Requirement> requirements, List<Step> steps, List<Artifact> artifacts) {
    this(components, defines, seeds, versionHeader, requirements, steps, artifacts, List.of());
  }

  /**
   * A component that cannot be built against a libc, and why (fmc is C++, and Debian has no
   * libstdc++ built for musl): a run against that libc that would build it is refused before
   * anything runs, naming it and the reason.
   */
  public record Refusal(String component, dev.askbuild.core.Libc libc, String reason) {}

  /**
   * Exit 2 when a {@code selected} component is refused for {@code libc}: every refused one named
   * with its reason (a component is refused too when one it is built against is), and the
   * components of {@code target} that can be built.
   */
  public void requireBuildable(dev.askbuild.core.Libc libc, java.util.Set<String> selected, Target target) {
    Map<String, String> refused = new java.util.TreeMap<>();
    refusals.stream().filter(r -> r.libc() == libc).forEach(r -> refused.put(r.component(), r.reason()));
    if (refused.isEmpty()) {
      return;
    }
    List<String> lines = new java.util.ArrayList<>();
    for (String name : new java.util.TreeSet<>(selected)) {
      if (refused.containsKey(name)) {
        lines.add("component " + name + " cannot be built against " + libc.label() + ": " + refused.get(name));
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    List<String> buildable = new java.util.ArrayList<>();
    components.forEach((name, c) -> {
      if (target.includes(c.phase()) && buildsWithout(name, refused.keySet()) && (target.needsKernel() || kernelFree(name))) {
        buildable.add(name);
      }
    });
    java.util.Collections.sort(buildable);
    throw dev.askbuild.core.AskBuildException.badInput(String.join("\n", lines) + "\n"
        + (buildable.isEmpty() ? "no component of the " + target.label() + " target builds against " + libc.label()
            : "the " + target.label() + " target's components that build against " + libc.label() + ": --components "
                + String.join(",", buildable)));
  }

  /** True when neither {@code name} nor anything it is built against is in {@code refused}. */
  private boolean buildsWithout(String name, java.util.Set<String> refused) {
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(name));
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (refused.contains(next)) {
        return false;
      }
      if (seen.add(next) && components.containsKey(next)) {
        todo.addAll(components.get(next).needs());
      }
    }
    return true;
  }

  /** The target a component belongs to: {@code modules} or {@code userspace}. */
  public String phaseOf(String component) {
    Component c = components.get(component);
    if (c == null) {
      throw new IllegalArgumentException("component " + component + " is not declared in the plan");
    }
    return c.phase();
  }

  /**
   * A component of ASK: the part of the build it belongs to ({@code modules} or {@code userspace}),
   * the components it is built against (fci against cdx's exports, cmm against libfci) and the
   * board's vendored libraries it needs (cmm links libnetfilter_conntrack; fmc's tree is fmc's
   * tarball). Only the libraries the selected components need are verified, built and unpacked.
   */
  public record Component(String phase, List<String> needs, List<String> vendored) {
    public Component {
      needs = List.copyOf(needs);
      vendored = List.copyOf(vendored);
    }
  }

  /** The vendored libraries the {@code selected} components name themselves, sorted. */
  public java.util.SortedSet<String> vendoredFor(java.util.Set<String> selected) {
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    selected.forEach(name -> names.addAll(components.get(name).vendored()));
    return names;
  }

  /**
   * The components a build of {@code target} makes: the requested ones (all of the target's when none
   * is named) and everything they are built against. An unknown name, or one outside the target, is
   * exit 2 naming it.
   */
  public java.util.Set<String> select(Target target, java.util.Set<String> requested) {
    java.util.Set<String> selected = new java.util.TreeSet<>();
    if (requested.isEmpty()) {
      components.forEach((name, c) -> {
        if (target.includes(c.phase())) {
          selected.add(name);
        }
      });
      requireNoKernelFor(target, selected);
      return selected;
    }
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(new java.util.TreeSet<>(requested));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      Component c = components.get(name);
      if (c == null) {
        throw dev.askbuild.core.AskBuildException.badInput("--components: unknown component '" + name
            + "'; this board's components: " + String.join(", ", new java.util.TreeSet<>(components.keySet())));
      }
      if (!target.includes(c.phase())) {
        throw dev.askbuild.core.AskBuildException.badInput("--components: " + name + " is a " + c.phase()
            + " component" + (requested.contains(name) ? "" : " (needed by the components asked for)")
            + ", which the " + target.label() + " target does not build");
      }
      if (selected.add(name)) {
        todo.addAll(c.needs());
      }
    }
    requireNoKernelFor(target, selected);
    if (artifacts.stream().noneMatch(a -> selected.contains(a.component()))) {
      // A green build with an empty dist would say nothing was checked as if all were well.
      throw dev.askbuild.core.AskBuildException.badInput("--components " + String.join(",",
          new java.util.TreeSet<>(requested)) + ": nothing to deliver; " + String.join(", ", selected)
          + (selected.size() == 1 ? " is" : " are") + " built only for other components and put no artifact in"
          + " dist; name one of those with an artifact: " + String.join(", ", artifacts.stream()
              .map(Artifact::component).filter(c -> target.includes(components.get(c).phase()))
              .filter(c -> target.needsKernel() || kernelFree(c)).distinct().toList()));
    }
    return selected;
  }

  /**
   * The userspace target reads no kernel tarball, so a selected component that needs something of
   * the kernel tree (ASK's fmlib compiles against the NXP kernel's {@code include/uapi/linux/fmd})
   * cannot be built by it: refused now, naming each such component and what it needs, rather than
   * failing in the compile stage after the sysroot was built.
   */
  private void requireNoKernelFor(Target target, java.util.Set<String> selected) {
    if (target.needsKernel()) {
      return;
    }
    java.util.List<String> needing = new java.util.ArrayList<>();
    for (String name : selected) {
      requirements.stream().filter(r -> r.component().equals(name)).findFirst()
          .ifPresent(r -> needing.add(name + " needs " + r.kind().describe() + " " + r.value()));
    }
    if (needing.isEmpty()) {
      return;
    }
    java.util.List<String> built = selected.stream().filter(n -> !kernelFree(n)).toList();
    java.util.List<String> against = built.stream()
        .filter(n -> requirements.stream().noneMatch(r -> r.component().equals(n))).toList();
    throw dev.askbuild.core.AskBuildException.badInput("--target userspace builds without a kernel tree, but "
        + String.join(", ", needing) + (against.isEmpty() ? "" : ", and " + String.join(", ", against)
        + (against.size() == 1 ? " is" : " are") + " built against it") + ": build "
        + (built.size() == 1 ? "it" : "them") + " with --target dist --components " + String.join(",", built)
        + " (the userspace components that need no kernel: " + String.join(", ", userspaceWithoutKernel()) + ")");
  }

  /** True when neither the component nor anything it is built against needs the kernel tree. */
  private boolean kernelFree(String name) {
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(java.util.List.of(name));
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (seen.add(n)) {
        if (requirements.stream().anyMatch(r -> r.component().equals(n))) {
          return false;
        }
        todo.addAll(components.get(n).needs());
      }
    }
    return true;
  }

  private java.util.List<String> userspaceWithoutKernel() {
    return new java.util.TreeSet<>(components.keySet()).stream()
        .filter(n -> components.get(n).phase().equals("userspace") && kernelFree(n)).toList();
  }

  /** The names of the vendored tarballs the seeds use, each once, in seed order. */
  public List<String> vendoredNames() {
    return seeds.stream().map(Seed::vendored).distinct().toList();
  }

  /**
   * Puts the vendored tarball {@code vendored} where the upstream build expected a download: copied
   * to {@code path}, or with {@code unpack} extracted safely into the directory {@code path} (one
   * leading component stripped) and the board's patches for that library applied, replacing a git
   * clone.
   */
  public record Seed(String vendored, String path, boolean unpack) {}

  /** A header written into the tree, {@code ${VERSION}} replaced by the tarball's version. */
  public record VersionHeader(String path, String content) {}

  /**
   * Something a component needs of the kernel tree: a file ({@code kernel-file}), a config symbol
   * set to y or m ({@code kernel-config}) or an exported symbol ({@code kernel-symbol}).
   */
  public record Requirement(String component, RequirementKind kind, String value, String from) {
    public Requirement(String component, RequirementKind kind, String value) {
      this(component, kind, value, "");
    }

    /**
     * "component cdx needs kernel file include/linux/fsl_qman.h (from NXP's SDK drivers ...)": where
     * the missing piece comes from, so a user knows which tree, patch or config lacks it.
     */
    public String describe() {
      return describe("");
    }

    /** The same with what a check found, e.g. "no Kconfig file of the patched tree declares it". */
    public String describe(String found) {
      return "component " + component + " needs " + kind.describe() + " " + value
          + (found.isEmpty() ? "" : " (" + found + ")") + (from.isEmpty() ? "" : "; it comes from " + from);
    }
  }

  /**
   * Which {@code Module.symvers} each selected module is built against, said before a list of unmet
   * requirements: "cdx needs the kernel's Module.symvers; fci needs the kernel's and cdx's". Empty
   * when no selected component needs one.
   */
  public String symversOrder(java.util.Set<String> selected) {
    List<String> parts = new java.util.ArrayList<>();
    for (String name : new java.util.TreeSet<>(selected)) {
      boolean kernel = requirements.stream().anyMatch(r -> r.component().equals(name)
          && r.kind() == RequirementKind.KERNEL_FILE && r.value().equals("Module.symvers"));
      List<String> modules = components.get(name).needs().stream()
          .filter(n -> components.get(n).phase().equals("modules")).sorted().toList();
      if (!kernel && modules.isEmpty()) {
        continue;
      }
      List<String> of = new java.util.ArrayList<>();
      if (kernel) {
        of.add("the kernel's");
      }
      modules.forEach(m -> of.add(m + "'s"));
      parts.add(name + " needs " + String.join(" and ", of) + " Module.symvers");
    }
    return String.join("; ", parts);
  }

  /** The requirements of the given components, in plan order. */
  public List<Requirement> requirementsOf(java.util.Set<String> selected) {
    return requirements.stream().filter(r -> selected.contains(r.component())).toList();
  }

  /**
   * One make run: in {@code dir} of the tree, with {@code targets} and {@code variables}; {@code
   * phase} is {@code modules} or {@code userspace}. Values may use ${KDIR}, ${SYSROOT}, ${TREE},
   * ${ARCH}, ${CROSS_COMPILE}, ${TRIPLE}, ${PLATFORM}, ${CC}, ${CXX}, ${AR}, ${JOBS} and
   * ${VENDORED:name}. {@code env} values are exported instead, so a Makefile's own {@code +=}
   * appends to them rather than being overridden (how cmm gets one extra warning flag). {@code
   * builds} names the components the step makes (default: its own name), for {@code --components}.
   */
  public record Step(
      String component,
      String phase,
      String dir,
      List<String> targets,
      Map<String, String> variables,
      Map<String, String> env,
      List<String> builds) {
    public Step {
      targets = List.copyOf(targets);
      variables = Map.copyOf(variables);
      env = Map.copyOf(env);
      builds = List.copyOf(builds.isEmpty() ? List.of(component) : builds);
    }

    public Step(String component, String phase, String dir, List<String> targets, Map<String, String> variables) {
      this(component, phase, dir, targets, variables, Map.of(), List.of());
    }
  }

  /** A built file copied into {@code dist/} under {@code name}. */
  public record Artifact(String component, String path, String name) {}
}
