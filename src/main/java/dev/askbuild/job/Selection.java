package dev.askbuild.job;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.board.Tarball;
import dev.askbuild.compile.CompilePlan;
import dev.askbuild.compile.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one run builds and therefore reads: the components (those asked for and what they are built
 * against), the vendored libraries they need (with the libraries those are built against), and
 * the tarballs that makes. Verification, the sysroot and the compile stage take only these, so a
 * userspace build of libfci needs neither the kernel nor the netfilter libraries' tarballs.
 *
 * @param components the selected components, sorted
 * @param libraries the board's vendored libraries the components need, in the board's order
 * @param why for each library, the components or libraries that need it, for messages
 */
record Selection(Target target, SortedSet<String> components, List<BoardProfile.VendoredLibrary> libraries,
    Map<String, String> why) {
  Selection {
    components = new TreeSet<>(components);
    libraries = List.copyOf(libraries);
    why = Map.copyOf(why);
  }

  static Selection of(BoardProfile board, CompilePlan plan, Target target, Set<String> requested) {
    SortedSet<String> components = new TreeSet<>(plan.select(target, requested));
    // A component the board's libc cannot build is refused here, before any stage runs.
    plan.requireBuildable(board.toolchain().libc(), components, target);
    List<BoardProfile.VendoredLibrary> libraries = board.withNeeds(plan.vendoredFor(components));
    Map<String, String> why = new LinkedHashMap<>();
    for (BoardProfile.VendoredLibrary lib : libraries) {
      List<String> users = new ArrayList<>();
      components.stream().filter(c -> plan.components().get(c).vendored().contains(lib.name())).forEach(users::add);
      libraries.stream().filter(l -> l.needs().contains(lib.name())).forEach(l -> users.add(l.name()));
      why.put(lib.name(), String.join(", ", users));
    }
    return new Selection(target, components, libraries, why);
  }

  /** True when the run reads this tarball: ASK always, the kernel for a target with modules. */
  boolean reads(Tarball tarball) {
    return switch (tarball.role()) {
      case ASK -> true;
      case KERNEL -> target.needsKernel();
      case VENDORED -> libraries.stream().anyMatch(l -> l.name().equals(tarball.owner()));
    };
  }

  /** Why the run reads a tarball, for a missing-input message. */
  String purpose(Tarball tarball) {
    return switch (tarball.role()) {
      case ASK -> "the ASK sources";
      case KERNEL -> "the kernel the " + target.label() + " target builds modules against";
      case VENDORED -> "library " + tarball.owner() + ", needed by " + why.getOrDefault(tarball.owner(), "?");
    };
  }

  boolean hasLibrary(String name) {
    return libraries.stream().anyMatch(l -> l.name().equals(name));
  }

  /** The selection as the state files record it, so a result of another selection is not reused. */
  String label() {
    return String.join(",", components);
  }
}
