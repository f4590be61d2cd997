package dev.askbuild.check;

import java.io.Serializable;

/** The fields of an ELF header the checks look at. */
public record ElfHeader(int elfClass, int data, int type, int machine, long entry)
    implements Serializable {
  public boolean is64() {
    return elfClass == Elf.ELFCLASS64;
  }

  public boolean bigEndian() {
    return data == Elf.ELFDATA2MSB;
  }
}
