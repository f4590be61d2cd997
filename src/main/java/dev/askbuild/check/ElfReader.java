package dev.askbuild.check;

import dev.askbuild.core.AskBuildException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pure-Java ELF reader (ELF32/ELF64, either byte order). Every offset, size and count is checked
 * against the file before use and every table is bounded by the file's size, so hostile input ends
 * in an {@link AskBuildException} naming the file, in time and memory linear in the file's size.
 */
public final class ElfReader {
  private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};
  /** More symbols than any real kernel image has; a larger count is treated as malformed. */
  static final int MAX_SYMBOLS = 1 << 21;
  static final int MAX_SECTIONS = 1 << 16;
  static final int MAX_DYNAMIC = 1 << 16;

  private ElfReader() {}

  /** True when the file starts with the ELF magic; unreadable or short files are not ELF. */
  public static boolean isElf(Path file) {
    try (var in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return java.util.Arrays.equals(head, MAGIC);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  public static ElfFile read(Path file) {
    return parse(ElfInput.open(file));
  }

  public static ElfFile read(String name, byte[] content) {
    return parse(ElfInput.of(name, content));
  }

  /**
   * The ELF in the first {@code length} bytes of {@code content}; nothing keeps a reference to it.
   * Its names are taken from {@code names}.
   */
  static ElfFile read(String name, byte[] content, int length, NamePool names) {
    return parse(ElfInput.of(name, content, length, names));
  }

  /** True when the first {@code length} bytes of {@code content} start with the ELF magic. */
  static boolean isElf(byte[] content, int length) {
    return length >= MAGIC.length && java.util.Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  static ElfFile parse(ElfInput in) {
    try {
      return new Parser(in).parse();
    } catch (AskBuildException e) {
      throw e;
    } catch (RuntimeException e) {
      // A bug in the bounds checks must still name the file, never leak a bare trace.
      throw AskBuildException.badInput(in.name() + ": malformed ELF: " + e, e);
    }
  }

  private static final class Parser {
    private final ElfInput in;
    private boolean is64;
    private ElfHeader header;
    private List<SectionHeader> sections = List.of();
    private long localsLeftOut;

    Parser(ElfInput in) {
      this.in = in;
    }

    ElfFile parse() {
      if (in.size() < 16) {
        throw in.malformed("only " + in.size() + " bytes, too short for an ELF identification");
      }
      for (int i = 0; i < 4; i++) {
        if (in.u8(i) != (MAGIC[i] & 0xff)) {
          throw in.malformed("no ELF magic (\\x7fELF) at the start");
        }
      }
      int elfClass = in.u8(4);
      int data = in.u8(5);
      if (elfClass != Elf.ELFCLASS32 && elfClass != Elf.ELFCLASS64) {
        throw in.malformed("unknown ELF class " + elfClass);
      }
      if (data != Elf.ELFDATA2LSB && data != Elf.ELFDATA2MSB) {
        throw in.malformed("unknown data encoding " + data);
      }
      is64 = elfClass == Elf.ELFCLASS64;
      in.order(data == Elf.ELFDATA2MSB ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
      in.require(0, is64 ? 64 : 52, "ELF header");
      int type = in.u16(16);
      int machine = in.u16(18);
      long entry = in.word(24, is64);
      header = new ElfHeader(elfClass, data, type, machine, entry);
      sections = readSections();
      List<ProgramHeader> programs = readPrograms();
      Optional<String> interp = readInterpreter(programs);
      DynamicInfo dynamic = readDynamic(programs);
      List<ElfSymbol> symbols = readSymbols();
      ModuleFacts module = new ModuleFacts(in, is64, header, sections);
      List<String> modinfo = module.readModinfo();
      List<ModVersion> versions = module.readVersions();
      List<KernelExport> exports = module.readExports(symbols);
      return new ElfFile(
          in.name(), header, programs, sections, interp, dynamic, symbols, modinfo, versions, exports, localsLeftOut);
    }

    private long phoff() {
      return in.word(is64 ? 32 : 28, is64);
    }

    private long shoff() {
      return in.word(is64 ? 40 : 32, is64);
    }

    private int hdr16(int offset64, int offset32) {
      return in.u16(is64 ? offset64 : offset32);
    }

    private List<ProgramHeader> readPrograms() {
      long off = phoff();
      int entsize = hdr16(54, 42);
      long count = hdr16(56, 44);
      if (count == Elf.PN_XNUM && !sections.isEmpty()) {
        count = sectionZeroInfo();
      }
      if (count == 0 || off == 0) {
        return List.of();
      }
      int min = is64 ? 56 : 32;
      if (entsize < min) {
        throw in.malformed("program header size " + entsize + " is smaller than " + min);
      }
      in.require(off, count * entsize, count + " program headers");
      List<ProgramHeader> out = new ArrayList<>((int) count);
      for (long i = 0; i < count; i++) {
        long p = off + i * entsize;
        if (is64) {
          out.add(new ProgramHeader(in.u32(p), in.u32(p + 4), in.u64(p + 8), in.u64(p + 16), in.u64(p + 32), in.u64(p + 40)));
        } else {
          out.add(new ProgramHeader(in.u32(p), in.u32(p + 24), in.u32(p + 4), in.u32(p + 8), in.u32(p + 16), in.u32(p + 20)));
        }
      }
      return out;
    }

    private long sectionZeroInfo() {
      long off = shoff();
      return in.u32(off + (is64 ? 44 : 28));
    }

    private List<SectionHeader> readSections() {
      long off = shoff();
      if (off == 0) {
        return List.of();
      }
      int entsize = hdr16(58, 46);
      int min = is64 ? 64 : 40;
      if (entsize < min) {
        throw in.malformed("section header size " + entsize + " is smaller than " + min);
      }
      long count = hdr16(60, 48);
      in.require(off, entsize, "section header 0");
      if (count == 0) {
        // Extended numbering: the real count is section 0's sh_size.
        count = is64 ? in.u64(off + 32) : in.u32(off + 20);
      }
      if (count < 0 || count > MAX_SECTIONS) {
        throw in.malformed(count + " sections is more than the " + MAX_SECTIONS + " the reader accepts");
      }
      in.require(off, count * entsize, count + " section headers");
      long shstrndx = hdr16(62, 50);
      if (shstrndx == Elf.SHN_XINDEX && count > 0) {
        shstrndx = in.u32(off + (is64 ? 40 : 24)); // section 0's sh_link
      }
      long strOff = 0;
      long strEnd = 0;
      boolean names = shstrndx != Elf.SHN_UNDEF && shstrndx < count;
      if (names) {
        long str = off + shstrndx * entsize;
        strOff = is64 ? in.u64(str + 24) : in.u32(str + 16);
        long strSize = is64 ? in.u64(str + 32) : in.u32(str + 20);
        in.require(strOff, strSize, "section name table");
        strEnd = strOff + strSize;
      }
      // Each header is read where it lies (the table is inside the file, checked above), with no
      // copy of the table first: modules have dozens of sections and a dist thousands of modules.
      List<SectionHeader> out = new ArrayList<>((int) count);
      for (int i = 0; i < count; i++) {
        long h = off + (long) i * entsize;
        String name = names && i > 0 ? in.names().of(in.string(strOff + in.u32(h), strEnd, "name of section", i, null)) : "";
        out.add(is64
            ? new SectionHeader(i, name, in.u32(h + 4), in.u64(h + 8), in.u64(h + 16), in.u64(h + 24), in.u64(h + 32), in.u32(h + 40), in.u64(h + 56))
            : new SectionHeader(i, name, in.u32(h + 4), in.u32(h + 8), in.u32(h + 12), in.u32(h + 16), in.u32(h + 20), in.u32(h + 24), in.u32(h + 36)));
      }
      return out;
    }

    private Optional<String> readInterpreter(List<ProgramHeader> programs) {
      for (ProgramHeader p : programs) {
        if (p.type() == Elf.PT_INTERP) {
          in.require(p.offset(), p.fileSize(), "PT_INTERP");
          return Optional.of(in.string(p.offset(), p.offset() + p.fileSize(), "PT_INTERP path"));
        }
      }
      return Optional.empty();
    }

    private DynamicInfo readDynamic(List<ProgramHeader> programs) {
      long off = -1;
      long size = 0;
      long strOff = -1;
      long strSize = 0;
      for (SectionHeader s : sections) {
        if (s.type() == Elf.SHT_DYNAMIC) {
          off = s.offset();
          size = s.size();
          if (s.link() > 0 && s.link() < sections.size()) {
            SectionHeader str = sections.get((int) s.link());
            strOff = str.offset();
            strSize = str.size();
          }
          break;
        }
      }
      if (off < 0) {
        for (ProgramHeader p : programs) {
          if (p.type() == Elf.PT_DYNAMIC) {
            off = p.offset();
            size = p.fileSize();
            break;
          }
        }
      }
      if (off < 0) {
        return DynamicInfo.NONE;
      }
      in.require(off, size, "dynamic section");
      int entsize = is64 ? 16 : 8;
      long count = Math.min(size / entsize, MAX_DYNAMIC);
      List<long[]> entries = new ArrayList<>();
      long strtabAddr = -1;
      for (long i = 0; i < count; i++) {
        long e = off + i * entsize;
        long tag = is64 ? in.u64(e) : in.u32(e);
        long val = is64 ? in.u64(e + 8) : in.u32(e + 4);
        if (tag == Elf.DT_NULL) {
          break;
        }
        if (tag == Elf.DT_STRTAB) {
          strtabAddr = val;
        } else if (tag == Elf.DT_STRSZ && strOff < 0) {
          strSize = val;
        }
        entries.add(new long[] {tag, val});
      }
      if (strOff < 0 && strtabAddr >= 0) {
        strOff = fileOffsetOf(programs, strtabAddr);
      }
      List<String> needed = new ArrayList<>();
      Optional<String> soname = Optional.empty();
      Optional<String> rpath = Optional.empty();
      Optional<String> runpath = Optional.empty();
      long flags = 0;
      long flags1 = 0;
      boolean textrel = false;
      boolean bindNow = false;
      for (long[] e : entries) {
        long tag = e[0];
        if (tag == Elf.DT_NEEDED || tag == Elf.DT_SONAME || tag == Elf.DT_RPATH || tag == Elf.DT_RUNPATH) {
          if (strOff < 0) {
            throw in.malformed("dynamic section has strings but no string table");
          }
          in.require(strOff, strSize, "dynamic string table");
          String value = in.string(strOff + e[1], strOff + strSize, "dynamic string");
          if (tag == Elf.DT_NEEDED) {
            needed.add(value);
          } else if (tag == Elf.DT_SONAME) {
            soname = Optional.of(value);
          } else if (tag == Elf.DT_RPATH) {
            rpath = Optional.of(value);
          } else {
            runpath = Optional.of(value);
          }
        } else if (tag == Elf.DT_FLAGS) {
          flags = e[1];
        } else if (tag == Elf.DT_FLAGS_1) {
          flags1 = e[1];
        } else if (tag == Elf.DT_TEXTREL) {
          textrel = true;
        } else if (tag == Elf.DT_BIND_NOW) {
          bindNow = true;
        }
      }
      return new DynamicInfo(needed, soname, rpath, runpath, flags, flags1, textrel, bindNow);
    }

    private long fileOffsetOf(List<ProgramHeader> programs, long vaddr) {
      for (ProgramHeader p : programs) {
        if (p.type() == Elf.PT_LOAD && vaddr >= p.vaddr() && vaddr - p.vaddr() < p.fileSize()) {
          return p.offset() + (vaddr - p.vaddr());
        }
      }
      throw in.malformed("DT_STRTAB address 0x" + Long.toHexString(vaddr) + " is in no loaded segment");
    }

    private List<ElfSymbol> readSymbols() {
      List<ElfSymbol> out = new ArrayList<>();
      for (SectionHeader s : sections) {
        if (s.type() != Elf.SHT_SYMTAB && s.type() != Elf.SHT_DYNSYM) {
          continue;
        }
        int entsize = is64 ? 24 : 16;
        if (s.entrySize() != 0 && s.entrySize() < entsize) {
          throw in.malformed("symbol table " + s.name() + " has entries of " + s.entrySize() + " bytes");
        }
        long step = s.entrySize() == 0 ? entsize : s.entrySize();
        in.require(s.offset(), s.size(), "symbol table " + s.name());
        long count = s.size() / step;
        if (out.size() + count > MAX_SYMBOLS) {
          throw in.malformed("more than " + MAX_SYMBOLS + " symbols");
        }
        if (s.link() <= 0 || s.link() >= sections.size()) {
          throw in.malformed("symbol table " + s.name() + " links to section " + s.link() + ", which does not exist");
        }
        SectionHeader str = sections.get((int) s.link());
        in.require(str.offset(), str.size(), "string table " + str.name());
        long strEnd = str.offset() + str.size();
        boolean dynamic = s.type() == Elf.SHT_DYNSYM;
        for (long i = 0; i < count; i++) {
          long e = s.offset() + i * step;
          long nameOff;
          long value;
          long size;
          int info;
          int shndx;
          if (is64) {
            nameOff = in.u32(e);
            info = in.u8(e + 4);
            shndx = in.u16(e + 6);
            value = in.u64(e + 8);
            size = in.u64(e + 16);
          } else {
            nameOff = in.u32(e);
            value = in.u32(e + 4);
            size = in.u32(e + 8);
            info = in.u8(e + 12);
            shndx = in.u16(e + 14);
          }
          if (!dynamic && leftOut(info, shndx, str.offset() + nameOff)) {
            localsLeftOut++;
            continue;
          }
          String name = nameOff == 0 ? "" : in.string(str.offset() + nameOff, strEnd, "symbol name", i, s.name());
          if (shndx == Elf.SHN_UNDEF) {
            name = in.names().of(name); // another module's export, named in many modules
          }
          out.add(new ElfSymbol(name, value, size, info, shndx, dynamic));
        }
      }
      return out;
    }

    private static final byte[] CRC_PREFIX = "__crc_".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KSYMTAB_PREFIX = "__ksymtab_".getBytes(StandardCharsets.US_ASCII);

    /**
     * Whether a static symbol is left out of {@link ElfFile#symbols()}: a defined local
     * (STB_LOCAL, not SHN_UNDEF) other than a module's {@code __crc_}/{@code __ksymtab_} markers.
     * No check reads one: the module checks use undefined symbols and the export markers, the
     * binary checks and the ABI record use dynamic symbols only. A vmlinux or a debug build holds
     * hundreds of thousands of them, so their names are not even decoded; they are counted in
     * {@link ElfFile#localsLeftOut()} so that the omission is visible, not silent.
     */
    private boolean leftOut(int info, int shndx, long nameOffset) {
      boolean local = (info >>> 4) == 0;
      return local && shndx != Elf.SHN_UNDEF && !kernelExportName(nameOffset);
    }

    private boolean kernelExportName(long offset) {
      return header.type() == Elf.ET_REL && (in.startsWith(offset, CRC_PREFIX) || in.startsWith(offset, KSYMTAB_PREFIX));
    }
  }
}
