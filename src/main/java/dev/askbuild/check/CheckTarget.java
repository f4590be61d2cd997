package dev.askbuild.check;

import dev.askbuild.core.Libc;
import java.io.Serializable;

/**
 * What the artifacts must be built for: ELF class, {@code e_machine}, the program interpreter, the
 * GNU triple (whose first part is also the multiarch library directory and the vermagic arch) and
 * the C library userspace is built against, which decides where {@code DT_NEEDED} is looked up.
 */
public record CheckTarget(int elfClass, int machine, String interpreter, String triple, Libc libc)
    implements Serializable {
  /** A glibc target. */
  public CheckTarget(int elfClass, int machine, String interpreter, String triple) {
    this(elfClass, machine, interpreter, triple, Libc.GLIBC);
  }

  public static CheckTarget aarch64() {
    return new CheckTarget(Elf.ELFCLASS64, Elf.EM_AARCH64, "/lib/ld-linux-aarch64.so.1", "aarch64-linux-gnu");
  }

  /** The {@code MODULE_ARCH_VERMAGIC} the target's kernel appends, e.g. {@code aarch64}. */
  public String vermagicArch() {
    return triple.substring(0, triple.indexOf('-') < 0 ? triple.length() : triple.indexOf('-'));
  }
}
