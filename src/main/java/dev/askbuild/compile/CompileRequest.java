package dev.askbuild.compile;

import dev.askbuild.cache.CompilerCache;
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
 * @param compilerCache the ccache the target compiles run through (off unless the job gives one)
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
    int jobs,
    CompilerCache compilerCache) {
  public CompileRequest {
    vendored = Map.copyOf(vendored);
    components = Set.copyOf(components);
  }

  /** A request whose target compiles do not go through the compiler cache. */
  public CompileRequest(TrustedFile askTarball, Map<String, VendoredSource> vendored, Optional<Path> kernelDir,
      Path sysroot, Path work, Toolchain toolchain, String platform, long epoch, CompilePlan plan, Target target,
      Set<String> components, int jobs) {
    this(askTarball, vendored, kernelDir, sysroot, work, toolchain, platform, epoch, plan, target, components, jobs,
        CompilerCache.off());
  }

  public CompileRequest withCompilerCache(CompilerCache c) {
    return new CompileRequest(askTarball, vendored, kernelDir, sysroot, work, toolchain, platform, epoch, plan, target,
        components, jobs, c);
  }

  /** A vendored tarball the plan unpacks, and the patches the board applies to it, in order. */
  public record VendoredSource(TrustedFile tarball, List<Path> patches) {
    public VendoredSource {
      patches = List.copyOf(patches);
    }
  }
}
