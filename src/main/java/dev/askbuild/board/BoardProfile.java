package dev.askbuild.board;

import dev.askbuild.core.Toolchain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One board, read from its directory {@code resources/dev/askbuild/board/<name>/}: {@code
 * profile.json} (this), {@code compile.json} (the compile plan), {@code kernel.config} (the kernel
 * fragment) and {@code <name>.hash} (pinned tarball hashes).
 *
 * @param platform the {@code PLATFORM} ASK's Makefiles take, when the board sets one
 * @param generatedInputs ask-build makes the board's inputs itself (the demo board), so {@code
 *     --packages} may be left out
 * @param devPackages installed arm64 {@code -dev} packages staged into the sysroot
 * @param source where the board's files are read from: the jar or a user's board directory
 */
public record BoardProfile(
    String name,
    String description,
    Toolchain toolchain,
    Optional<String> platform,
    KernelSpec kernel,
    String askTarball,
    List<VendoredLibrary> vendored,
    List<String> devPackages,
    boolean generatedInputs,
    String fragmentText,
    PinnedHashes pins,
    BoardSource source) {
  public BoardProfile {
    vendored = List.copyOf(vendored);
    devPackages = List.copyOf(devPackages);
  }

  /** A built-in board's profile. */
  public BoardProfile(String name, String description, Toolchain toolchain, Optional<String> platform,
      KernelSpec kernel, String askTarball, List<VendoredLibrary> vendored, List<String> devPackages,
      boolean generatedInputs, String fragmentText, PinnedHashes pins) {
    this(name, description, toolchain, platform, kernel, askTarball, vendored, devPackages, generatedInputs,
        fragmentText, pins, BoardSource.builtIn(name));
  }

  /**
   * How the board's kernel is configured. A value starting with {@code ask:} names a path inside the
   * extracted ASK source tree rather than a file of ours.
   *
   * @param tarball the kernel source tarball's file name
   * @param baseConfig {@code defconfig}, {@code NAME_defconfig}, {@code tinyconfig} or a file
   * @param patches the kernel patch series (a directory or one patch), if the board has one
   * @param version the kernel line the board is built on ({@code 6.12} or {@code 6.12.49}), checked
   *     against the tarball's Makefile before anything long runs
   */
  public record KernelSpec(String tarball, String baseConfig, Optional<String> patches, Optional<String> version) {}

  /**
   * A library vendored as a tarball and patched before it is built: into the sysroot ({@code
   * autotools} or {@code make}, with {@code args} added to configure or make), or by the compile
   * stage's plan ({@code compile}).
   *
   * @param needs the vendored libraries it is built against (libnetfilter_conntrack's configure
   *     needs libnfnetlink), each listed before it
   */
  public record VendoredLibrary(
      String name, String tarball, List<String> patches, BuildKind build, List<String> args, List<String> needs) {
    public VendoredLibrary {
      patches = List.copyOf(patches);
      args = List.copyOf(args);
      needs = List.copyOf(needs);
    }
  }

  /**
   * The vendored libraries {@code names} are, with every library they need, in the board's order
   * (so each comes after what it is built against).
   */
  public List<VendoredLibrary> withNeeds(java.util.Collection<String> names) {
    java.util.Set<String> wanted = new java.util.HashSet<>();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(names);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      VendoredLibrary lib = library(name).orElseThrow(() -> new IllegalArgumentException(
          "board " + this.name + " has no vendored library " + name));
      if (wanted.add(name)) {
        todo.addAll(lib.needs());
      }
    }
    return vendored.stream().filter(l -> wanted.contains(l.name())).toList();
  }

  /** Every tarball the board reads, kernel first, then ASK, then the vendored libraries. */
  public List<Tarball> tarballs() {
    List<Tarball> all = new ArrayList<>();
    all.add(new Tarball(TarballRole.KERNEL, "kernel", kernel.tarball()));
    all.add(new Tarball(TarballRole.ASK, "ask", askTarball));
    for (VendoredLibrary lib : vendored) {
      all.add(new Tarball(TarballRole.VENDORED, lib.name(), lib.tarball()));
    }
    return all;
  }

  /** The vendored library of that name, if the board has one. */
  public Optional<VendoredLibrary> library(String libName) {
    return vendored.stream().filter(l -> l.name().equals(libName)).findFirst();
  }

  /**
   * The board built against {@code libc} instead of its own default (a run's {@code --libc}): the
   * toolchain says so, and every stage takes the libc from it.
   */
  public BoardProfile withLibc(dev.askbuild.core.Libc libc) {
    return new BoardProfile(name, description, toolchain.withLibc(libc), platform, kernel, askTarball, vendored,
        devPackages, generatedInputs, fragmentText, pins, source);
  }

  /** Prefix of values that point into the extracted ASK source tree. */
  public static final String ASK_PREFIX = "ask:";

  /** Prefix of values that name a file of the board's own directory (a board outside the jar). */
  public static final String BOARD_PREFIX = "board:";
}
