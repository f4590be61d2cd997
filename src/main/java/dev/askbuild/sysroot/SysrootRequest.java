package dev.askbuild.sysroot;

import dev.askbuild.cache.CompilerCache;
import dev.askbuild.core.Toolchain;
import java.nio.file.Path;
import java.util.List;

/**
 * What the sysroot stage builds: the toolchain's cross libc (Debian's {@code /usr/TRIPLE}), the
 * files of the listed {@code -dev} packages installed on the host (named as dpkg knows them, e.g.
 * {@code libmnl-dev:arm64}), and the vendored libraries, cross-built into it.
 *
 * @param work where sources are unpacked and built, and logs written
 * @param cache where finished sysroots are kept, one directory per input hash
 * @param compilerCache the ccache the vendored libraries' compiles run through
 */
public record SysrootRequest(
    Toolchain toolchain,
    List<String> devPackages,
    List<VendoredLibrary> libraries,
    Path work,
    Path cache,
    long epoch,
    int jobs,
    CompilerCache compilerCache) {
  public SysrootRequest {
    devPackages = List.copyOf(devPackages);
    libraries = List.copyOf(libraries);
  }

  /** A request whose compiles run through {@code <cache>/ccache}. */
  public SysrootRequest(Toolchain toolchain, List<String> devPackages, List<VendoredLibrary> libraries, Path work,
      Path cache, long epoch, int jobs) {
    this(toolchain, devPackages, libraries, work, cache, epoch, jobs, CompilerCache.in(cache));
  }

  public SysrootRequest withCompilerCache(CompilerCache c) {
    return new SysrootRequest(toolchain, devPackages, libraries, work, cache, epoch, jobs, c);
  }

  public String triple() {
    return toolchain.triple();
  }
}
