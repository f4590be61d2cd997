package dev.askbuild.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The C library a board's userspace is built against and runs on. glibc is the default everywhere;
 * musl is for boards whose root file system is musl-based (Alpine and the like) and never chosen
 * implicitly. Kernel modules do not depend on it.
 *
 * <p>musl is built with Debian's own cross compiler ({@code aarch64-linux-gnu-gcc}) through musl's
 * specs file, as Debian's {@code musl-dev} does in its {@code aarch64-linux-musl-gcc} wrapper; the
 * sysroot stage writes a copy of that specs file whose paths are the sysroot's ({@code %R}), so the
 * compiler reads nothing of musl from the build host.
 */
public enum Libc {
  GLIBC,
  MUSL;

  /** Where the sysroot stage writes musl's specs file, relative to the sysroot. */
  public static final String MUSL_SPECS = "usr/lib/musl-gcc.specs";

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code glibc} or {@code musl}; anything else is exit 2 naming {@code where}. */
  public static Libc parse(String text, String where) {
    for (Libc libc : values()) {
      if (libc.label().equals(text)) {
        return libc;
      }
    }
    throw AskBuildException.badInput(where + " must be glibc or musl, got '" + text + "'");
  }

  /**
   * The program interpreter the target's executables name. glibc's comes from the board (it names
   * it, per architecture); musl's is {@code /lib/ld-musl-<cpu>.so.1}.
   */
  public String interpreter(Toolchain toolchain) {
    return this == GLIBC ? toolchain.interpreter() : "/lib/ld-musl-" + toolchain.cpu() + ".so.1";
  }

  /** The libc whose loader this interpreter is, if it is one of the two. */
  public static Optional<Libc> ofInterpreter(String interpreter) {
    String name = interpreter.substring(interpreter.lastIndexOf('/') + 1);
    if (name.startsWith("ld-musl-")) {
      return Optional.of(MUSL);
    }
    if (name.startsWith("ld-linux")) {
      return Optional.of(GLIBC);
    }
    return Optional.empty();
  }

  /**
   * The GNU triple configure scripts are told ({@code --host}): musl's is {@code
   * aarch64-linux-musl}, so autoconf knows the target's C library; the tools keep Debian's names.
   */
  public String hostTriple(Toolchain toolchain) {
    return this == GLIBC ? toolchain.triple() : toolchain.cpu() + "-linux-musl";
  }

  /**
   * The target's library directory inside the sysroot: Debian's multiarch one for glibc, plain
   * {@code usr/lib} for musl (where Alpine and musl's own install put it, and where musl's loader
   * looks).
   */
  public String libDir(Toolchain toolchain) {
    return this == GLIBC ? "usr/lib/" + toolchain.triple() : "usr/lib";
  }

  /**
   * What every target compile and link adds for this libc: nothing for glibc (the cross compiler
   * targets it already), the sysroot and musl's specs file for musl.
   */
  public List<String> compilerFlags(Path sysroot) {
    return this == GLIBC ? List.of() : List.of("--sysroot=" + sysroot, "-specs=" + sysroot.resolve(MUSL_SPECS));
  }

  /** The Debian packages (target architecture) this libc's sysroot is made of, beyond the cross toolchain. */
  public List<String> debianPackages(Toolchain toolchain) {
    String arch = toolchain.debianArch();
    return this == GLIBC
        ? List.of("libc6-dev-" + arch + "-cross")
        : List.of("musl-dev:" + arch, "musl:" + arch, "linux-libc-dev-" + arch + "-cross");
  }
}
