package dev.askbuild.sysroot;

import dev.askbuild.core.Dpkg;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The target-architecture packages a board's -dev packages need in the sysroot: the listed ones and,
 * transitively, every installed package of the same architecture they depend on. A -dev package is
 * often only a name for another (libpcap-dev:arm64 is empty and depends on libpcap0.8-dev:arm64,
 * which has the headers), and its {@code libfoo.so} links to the runtime package's library.
 */
final class PackageClosure {
  /**
   * What the cross toolchain already puts in the sysroot (glibc, the compiler's runtime, the kernel
   * headers): never copied over it from the host's packages. Not libcrypt: since Debian 11 it comes
   * from libxcrypt, which the cross libc lacks (libcli links it).
   */
  private static final Set<String> FROM_TOOLCHAIN =
      Set.of("libc6", "libc6-dev", "libgcc-s1", "libstdc++6", "linux-libc-dev");

  private final Dpkg dpkg;

  PackageClosure(Dpkg dpkg) {
    this.dpkg = dpkg;
  }

  /** The listed packages first, in their order, then what they pulled in, in discovery order. */
  List<String> of(List<String> listed) throws IOException {
    Set<String> result = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(listed);
    while (!queue.isEmpty()) {
      String pkg = queue.removeFirst();
      if (!result.add(pkg)) {
        continue;
      }
      int colon = pkg.indexOf(':');
      if (colon < 0) {
        continue; // an architecture-independent package (headers only, like libtclap-dev)
      }
      String arch = pkg.substring(colon);
      Optional<String> depends = dpkg.field(pkg, "${Depends}");
      if (depends.isEmpty()) {
        continue; // not installed: staging it reports that, naming the package
      }
      for (String group : depends.get().split(",")) {
        String chosen = choose(group, arch);
        if (chosen != null) {
          queue.addLast(chosen);
        }
      }
    }
    return List.copyOf(result);
  }

  /** The first alternative of {@code a | b} installed for the architecture, or null. */
  private String choose(String group, String arch) throws IOException {
    for (String alternative : group.split("\\|")) {
      String name = alternative.strip().split("[ (]")[0].replace(":any", "");
      if (name.isEmpty() || FROM_TOOLCHAIN.contains(name) || name.startsWith("gcc-")) {
        return null; // satisfied by the cross toolchain
      }
      String candidate = name + arch;
      if (dpkg.installed(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
