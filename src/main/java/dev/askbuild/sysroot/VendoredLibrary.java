package dev.askbuild.sysroot;

import java.nio.file.Path;
import java.util.List;

/**
 * A target library built from a vendored tarball into the sysroot, with the patches it needs
 * applied in order, and extra arguments for its configure step or make.
 */
public record VendoredLibrary(
    String name, Path tarball, List<Path> patches, BuildKind kind, List<String> extraArgs) {
  public VendoredLibrary {
    patches = List.copyOf(patches);
    extraArgs = List.copyOf(extraArgs);
  }
}
