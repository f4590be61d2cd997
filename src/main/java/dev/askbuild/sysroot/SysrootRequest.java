package dev.askbuild.sysroot;

import java.nio.file.Path;
import java.util.List;

/**
 * What the sysroot stage builds: the cross libc of {@code triple} (Debian's {@code
 * /usr/TRIPLE}), the files of the listed {@code -dev} packages installed on the host (named as dpkg knows
 * them, e.g. {@code libmnl-dev:arm64}), and
 * the vendored libraries, cross-built into it.
 *
 * @param work where sources are unpacked and built, and logs written
 * @param cache where finished sysroots are kept, one directory per input hash
 */
public record SysrootRequest(
    String triple,
    String debianArch,
    List<String> devPackages,
    List<VendoredLibrary> libraries,
    Path work,
    Path cache,
    long epoch) {
  public SysrootRequest {
    devPackages = List.copyOf(devPackages);
    libraries = List.copyOf(libraries);
  }
}
