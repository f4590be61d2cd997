package dev.askbuild.sysroot;

import dev.askbuild.board.BuildKind;
import dev.askbuild.core.TrustedFile;
import java.nio.file.Path;
import java.util.List;

/**
 * A target library built from a verified vendored tarball into the sysroot, with the patches it
 * needs applied in order, and extra arguments for its configure step or make.
 */
public record VendoredLibrary(
    String name, TrustedFile tarball, List<Path> patches, BuildKind kind, List<String> extraArgs) {
  public VendoredLibrary {
    if (!kind.inSysroot()) {
      throw new IllegalArgumentException("library " + name + " is built by the compile stage, not into the sysroot");
    }
    patches = List.copyOf(patches);
    extraArgs = List.copyOf(extraArgs);
  }
}
