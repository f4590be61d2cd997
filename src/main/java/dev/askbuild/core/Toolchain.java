package dev.askbuild.core;

import java.io.Serializable;
import java.util.Objects;

/**
 * The cross toolchain a board builds with, passed whole: the kernel's {@code ARCH}, the prefix of
 * the cross tools, the GNU triple (also the multiarch library directory) and the program
 * interpreter the target's executables must name.
 */
public record Toolchain(String arch, String crossCompile, String triple, String interpreter)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public Toolchain {
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(crossCompile, "crossCompile");
    Objects.requireNonNull(triple, "triple");
    Objects.requireNonNull(interpreter, "interpreter");
  }

  /** Debian's arm64 cross toolchain, what every board here uses today. */
  public static Toolchain arm64() {
    return new Toolchain("arm64", "aarch64-linux-gnu-", "aarch64-linux-gnu", "/lib/ld-linux-aarch64.so.1");
  }

  /** Debian's name for the target architecture ({@code arm64}), for packages such as {@code libc6-dev-arm64-cross}. */
  public String debianArch() {
    return CrossToolchain.debianArch(triple);
  }

  /** A cross tool by its short name: {@code gcc} becomes {@code aarch64-linux-gnu-gcc}. */
  public String tool(String name) {
    return crossCompile + name;
  }
}
