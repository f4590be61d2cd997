package dev.askbuild.check;

import java.io.Serializable;

/**
 * What the artifacts must be built for: ELF class, {@code e_machine}, the program interpreter and the
 * GNU triple (whose first part is also the multiarch library directory and the vermagic arch).
 */
public record CheckTarget(int elfClass, int machine, String interpreter, String triple)
    implements Serializable {
  public static CheckTarget aarch64() {
    return new CheckTarget(Elf.ELFCLASS64, Elf.EM_AARCH64, "/lib/ld-linux-aarch64.so.1", "aarch64-linux-gnu");
  }

  /** The {@code MODULE_ARCH_VERMAGIC} the target's kernel appends, e.g. {@code aarch64}. */
  public String vermagicArch() {
    return triple.substring(0, triple.indexOf('-') < 0 ? triple.length() : triple.indexOf('-'));
  }
}
