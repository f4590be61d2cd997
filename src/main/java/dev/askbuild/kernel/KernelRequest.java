package dev.askbuild.kernel;

import dev.askbuild.cache.CompilerCache;
import dev.askbuild.core.Toolchain;
import dev.askbuild.core.TrustedFile;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One kernel stage run.
 *
 * @param work where logs, the manifest copy and the {@code linux} link to the prepared tree go
 * @param cache the cache root; prepared trees live under {@code <cache>/kernel/<key>}
 * @param filter drop fragment settings whose symbol the tree does not declare
 * @param configOnly stop once the resolved config is verified (no prepare, no build)
 * @param epoch build timestamp; empty means the tarball's own top-level Makefile mtime
 * @param compilerCache the ccache the make's cross compiler runs through ({@code <cache>/ccache} by default)
 * @param incremental on a miss, rebuild from the nearest cached tree of the same kernel under another
 *     config ({@link NearestTree}) rather than from the tarball; the bytes are the same either way
 */
public record KernelRequest(
    TrustedFile kernelTar,
    ConfigFragment fragment,
    BaseConfig baseConfig,
    PatchSeries patches,
    Toolchain toolchain,
    Path work,
    Path cache,
    FullBuild fullBuild,
    boolean filter,
    boolean configOnly,
    OptionalLong epoch,
    int jobs,
    CompilerCache compilerCache,
    boolean incremental) {
  public KernelRequest {
    Objects.requireNonNull(kernelTar, "kernelTar");
    Objects.requireNonNull(fragment, "fragment");
    Objects.requireNonNull(baseConfig, "baseConfig");
    Objects.requireNonNull(patches, "patches");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(fullBuild, "fullBuild");
    Objects.requireNonNull(toolchain, "toolchain");
    Objects.requireNonNull(compilerCache, "compilerCache");
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
  }

  /** An arm64 request with the defaults: filtering on, auto full build, one job per core. */
  public static KernelRequest arm64(
      TrustedFile kernelTar, ConfigFragment fragment, BaseConfig baseConfig, Path work, Path cache) {
    return new KernelRequest(
        kernelTar, fragment, baseConfig, PatchSeries.none(), Toolchain.arm64(), work, cache,
        FullBuild.AUTO, true, false, OptionalLong.empty(), Runtime.getRuntime().availableProcessors(),
        CompilerCache.in(cache), true);
  }

  public KernelRequest withPatches(PatchSeries p) {
    return new KernelRequest(kernelTar, fragment, baseConfig, p, toolchain, work, cache, fullBuild, filter, configOnly, epoch, jobs, compilerCache, incremental);
  }

  public KernelRequest withFullBuild(FullBuild f) {
    return new KernelRequest(kernelTar, fragment, baseConfig, patches, toolchain, work, cache, f, filter, configOnly, epoch, jobs, compilerCache, incremental);
  }

  public KernelRequest withFilter(boolean f) {
    return new KernelRequest(kernelTar, fragment, baseConfig, patches, toolchain, work, cache, fullBuild, f, configOnly, epoch, jobs, compilerCache, incremental);
  }

  public KernelRequest withConfigOnly(boolean c) {
    return new KernelRequest(kernelTar, fragment, baseConfig, patches, toolchain, work, cache, fullBuild, filter, c, epoch, jobs, compilerCache, incremental);
  }

  public KernelRequest withEpoch(long seconds) {
    return new KernelRequest(kernelTar, fragment, baseConfig, patches, toolchain, work, cache, fullBuild, filter, configOnly, OptionalLong.of(seconds), jobs, compilerCache, incremental);
  }

  public KernelRequest withToolchain(Toolchain t) {
    return new KernelRequest(kernelTar, fragment, baseConfig, patches, t, work, cache, fullBuild, filter, configOnly, epoch, jobs, compilerCache, incremental);
  }

  public KernelRequest withWork(Path w) {
    return new KernelRequest(kernelTar, fragment, baseConfig, patches, toolchain, w, cache, fullBuild, filter, configOnly, epoch, jobs, compilerCache, incremental);
  }

  public KernelRequest withJobs(int n) {
    return new KernelRequest(kernelTar, fragment, baseConfig, patches, toolchain, work, cache, fullBuild, filter, configOnly, epoch, n, compilerCache, incremental);
  }

  public KernelRequest withCompilerCache(CompilerCache c) {
    return new KernelRequest(kernelTar, fragment, baseConfig, patches, toolchain, work, cache, fullBuild, filter, configOnly, epoch, jobs, c, incremental);
  }

  public KernelRequest withIncremental(boolean i) {
    return new KernelRequest(kernelTar, fragment, baseConfig, patches, toolchain, work, cache, fullBuild, filter, configOnly, epoch, jobs, compilerCache, i);
  }
}
