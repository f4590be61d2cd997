package dev.askbuild.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fixed names every path a compile can embed is mapped to (debug info, {@code __FILE__},
 * {@code DW_AT_comp_dir}), so the same inputs give the same bytes whatever {@code --cache} and
 * {@code --out} directories, and whatever directory the process was started in: the cache's
 * sysroot becomes {@code /sysroot}, the kernel tree {@code /kernel}, the stage's work directory
 * {@code /work} and the ASK source tree {@code /ask}. cmm's debug info otherwise names
 * {@code <cache>/sysroot-<key>/usr/include/...}.
 *
 * <p>GCC applies the last matching {@code -ffile-prefix-map} (it keeps them in a list it prepends
 * to and searches from the head), so the maps go from the widest directory to the narrowest: the
 * tree lies inside the work directory, and either may lie inside the other roots.
 * {@code -ffile-prefix-map} implies {@code -fdebug-prefix-map} and {@code -fmacro-prefix-map}; they
 * are given all the same for compilers and tools that read only those.
 */
final class PrefixMaps {
  static final String SYSROOT = "/sysroot";
  static final String KERNEL = "/kernel";
  static final String WORK = "/work";
  static final String TREE = "/ask";

  private final List<String[]> maps = new ArrayList<>();

  private PrefixMaps() {}

  static PrefixMaps of(Path work, Path tree, Path sysroot, Optional<Path> kernel) {
    PrefixMaps m = new PrefixMaps();
    List<Path> roots = new ArrayList<>(List.of(sysroot, work, tree));
    kernel.ifPresent(roots::add);
    // Widest first: a root that contains another comes before it.
    roots.sort((a, b) -> Integer.compare(a.toAbsolutePath().normalize().getNameCount(),
        b.toAbsolutePath().normalize().getNameCount()));
    for (Path root : roots) {
      String name = root.equals(tree) ? TREE : root.equals(work) ? WORK : root.equals(sysroot) ? SYSROOT : KERNEL;
      m.maps.add(new String[] {root.toAbsolutePath().normalize().toString(), name});
    }
    return m;
  }

  /** The options for every target compile, in the order GCC needs them. */
  List<String> options() {
    List<String> options = new ArrayList<>();
    for (String[] map : maps) {
      for (String flag : List.of("-ffile-prefix-map=", "-fdebug-prefix-map=", "-fmacro-prefix-map=")) {
        options.add(flag + map[0] + "=" + map[1]);
      }
    }
    return options;
  }
}
