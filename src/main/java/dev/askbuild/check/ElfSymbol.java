package dev.askbuild.check;

import java.io.Serializable;

/** One symbol-table entry; {@code sectionIndex} 0 means undefined. */
public record ElfSymbol(String name, long value, long size, int info, int sectionIndex, boolean dynamic)
    implements Serializable {
  public int binding() {
    return info >>> 4;
  }

  public int type() {
    return info & 0xf;
  }

  public boolean undefined() {
    return sectionIndex == Elf.SHN_UNDEF && !name.isEmpty();
  }

  public boolean weak() {
    return binding() == Elf.STB_WEAK;
  }
}
