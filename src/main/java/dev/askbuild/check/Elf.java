package dev.askbuild.check;

import java.util.Map;

/** ELF constants the reader and the checks use (names as in {@code <elf.h>}). */
final class Elf {
  static final int ELFCLASS32 = 1;
  static final int ELFCLASS64 = 2;
  static final int ELFDATA2LSB = 1;
  static final int ELFDATA2MSB = 2;

  static final int ET_REL = 1;
  static final int ET_EXEC = 2;
  static final int ET_DYN = 3;

  static final int EM_386 = 3;
  static final int EM_ARM = 40;
  static final int EM_X86_64 = 62;
  static final int EM_AARCH64 = 183;

  static final long PT_DYNAMIC = 2;
  static final long PT_INTERP = 3;
  static final long PT_LOAD = 1;
  static final long PT_GNU_STACK = 0x6474e551L;
  static final long PT_GNU_RELRO = 0x6474e552L;
  static final long PF_X = 1;

  static final long SHT_SYMTAB = 2;
  static final long SHT_STRTAB = 3;
  static final long SHT_DYNAMIC = 6;
  static final long SHT_NOBITS = 8;
  static final long SHT_DYNSYM = 11;

  static final int SHN_UNDEF = 0;
  static final int SHN_LORESERVE = 0xff00;
  static final int SHN_ABS = 0xfff1;
  static final int SHN_XINDEX = 0xffff;
  static final int PN_XNUM = 0xffff;

  static final int STB_WEAK = 2;

  static final long DT_NULL = 0;
  static final long DT_NEEDED = 1;
  static final long DT_STRTAB = 5;
  static final long DT_STRSZ = 10;
  static final long DT_SONAME = 14;
  static final long DT_RPATH = 15;
  static final long DT_TEXTREL = 22;
  static final long DT_BIND_NOW = 24;
  static final long DT_RUNPATH = 29;
  static final long DT_FLAGS = 30;
  static final long DT_FLAGS_1 = 0x6ffffffbL;

  static final long DF_TEXTREL = 0x4;
  static final long DF_BIND_NOW = 0x8;
  static final long DF_1_NOW = 0x1;

  private static final Map<Integer, String> MACHINES =
      Map.of(
          EM_386, "Intel 80386",
          EM_ARM, "ARM",
          EM_X86_64, "Advanced Micro Devices X86-64",
          EM_AARCH64, "AArch64",
          8, "MIPS R3000",
          20, "PowerPC",
          21, "PowerPC64",
          243, "RISC-V");

  private Elf() {}

  /** The machine's name as readelf prints it, with the number for unknown ones. */
  static String machineName(int machine) {
    String known = MACHINES.get(machine);
    return known != null ? known + " (" + machine + ")" : "machine " + machine;
  }

  static String className(int elfClass) {
    return switch (elfClass) {
      case ELFCLASS32 -> "ELF32";
      case ELFCLASS64 -> "ELF64";
      default -> "class " + elfClass;
    };
  }

  static String typeName(int type) {
    return switch (type) {
      case ET_REL -> "REL";
      case ET_EXEC -> "EXEC";
      case ET_DYN -> "DYN";
      default -> "type " + type;
    };
  }
}
