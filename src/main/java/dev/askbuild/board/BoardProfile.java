package dev.askbuild.board;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One board, as read from {@code resources/dev/askbuild/board/<name>.json}. Fields the kernel stage
 * does not use yet (components, vendored libraries, -dev packages) are carried for the sysroot and
 * compile stages and may be empty.
 *
 * @param tarballs the expected file name of every input, by role ({@code kernel}, {@code ask}, ...)
 */
public record BoardProfile(
    String name,
    String description,
    Optional<String> nxpTag,
    Toolchain toolchain,
    Optional<String> platform,
    Optional<String> fmcMachine,
    Optional<String> deviceTree,
    KernelSpec kernel,
    Map<String, String> tarballs,
    List<VendoredLibrary> vendored,
    List<String> components,
    List<String> devPackages) {
  public BoardProfile {
    tarballs = Map.copyOf(tarballs);
    vendored = List.copyOf(vendored);
    components = List.copyOf(components);
    devPackages = List.copyOf(devPackages);
  }

  /** The cross toolchain a board builds with. */
  public record Toolchain(String arch, String crossCompile, String triple, String interpreter) {}

  /**
   * How the board's kernel is configured. A value starting with {@code ask:} names a path inside the
   * extracted ASK source tree rather than a file of ours.
   *
   * @param baseConfig {@code defconfig}, {@code NAME_defconfig}, {@code tinyconfig} or a file
   * @param patches the kernel patch series directory, if the board has one
   * @param fragment resource name (beside the profile) of the kernel config fragment
   */
  public record KernelSpec(String baseConfig, Optional<String> patches, String fragment) {}

  /**
   * A library vendored as a tarball and patched before it is built: into the sysroot with {@code
   * autotools} or {@code make} (with {@code args} added to configure or make), or by the compile
   * stage's plan ({@code compile}).
   */
  public record VendoredLibrary(
      String name, String version, String tarball, List<String> patches, String build, List<String> args) {
    public static final List<String> BUILDS = List.of("autotools", "make", "compile");

    public VendoredLibrary {
      patches = List.copyOf(patches);
      args = List.copyOf(args);
    }

    public boolean inSysroot() {
      return !build.equals("compile");
    }
  }

  /** Prefix of values that point into the extracted ASK source tree. */
  public static final String ASK_PREFIX = "ask:";
}
