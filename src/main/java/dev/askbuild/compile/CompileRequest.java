package dev.askbuild.compile;

import dev.askbuild.core.Toolchain;
import dev.askbuild.core.TrustedFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Inputs of the compile stage. Tarballs come as {@link TrustedFile}s that verification proved;
 * {@code vendored} maps the plan's names to them with the board's patches.
 *
 * @param kernelDir the prepared kernel tree; empty for a userspace-only build
 * @param components the components to build ({@link CompilePlan#select}), with what they need
 */
public record CompileRequest(
    TrustedFile askTarball,
    Map<String, VendoredSource> vendored,
    Optional<Path> kernelDir,
    Path sysroot,
    Path work,
    Toolchain toolchain,
    String platform,
    long epoch,
    CompilePlan plan,
    Target target,
    Set<String> components,
    int jobs) {
  public CompileRequest {
    vendored = Map.copyOf(vendored);
    components = Set.copyOf(components);
  }

  /** A vendored tarball the plan unpacks, and the patches the board applies to it, in order. */
  public record VendoredSource(TrustedFile tarball, List<Path> patches) {
    public VendoredSource {
      patches = List.copyOf(patches);
    }
  }
}
