package dev.askbuild.core;

import java.io.Serializable;
import java.util.Objects;

/**
 * The cross toolchain a board builds with, passed whole: the kernel's {@code ARCH}, the prefix of
 * the cross tools, the GNU triple (also the multiarch library directory) and the program
 * interpreter the target's glibc executables must name, and the C library userspace is built
 * against (glibc unless the board or {@code --libc} says musl; the tools are Debian's either way).
 */
public record Toolchain(String arch, String crossCompile, String triple, String interpreter, Libc libc)
    implements Serializable {
  private static final long serialVersionUID = 2L;

  public Toolchain {
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(crossCompile, "crossCompile");
    Objects.requireNonNull(triple, "triple");
    Objects.requireNonNull(interpreter, "interpreter");
    Objects.requireNonNull(libc, "libc");
  }

  /** A glibc toolchain, the default. */
  public Toolchain(String arch, String crossCompile, String triple, String interpreter) {
    this(arch, crossCompile, triple, interpreter, Libc.GLIBC);
  }

  /** The same tools building userspace against {@code other}. */
  public Toolchain withLibc(Libc other) {
    return new Toolchain(arch, crossCompile, triple, interpreter, other);
  }

  /** The interpreter the target's executables must name for this toolchain's libc. */
  public String loader() {
    return libc.interpreter(this);
  }

  /** The CPU part of the triple ({@code aarch64}), which musl's loader and triple are named for. */
  public String cpu() {
    int dash = triple.indexOf('-');
    return dash < 0 ? triple : triple.substring(0, dash);
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
