package dev.askbuild.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a kernel module says about itself, read from the sections {@link ElfReader} parsed: its
 * {@code .modinfo} strings, the CRCs it was built against ({@code __versions}) and the symbols it
 * exports. Kept apart from the ELF parsing so that the reader stays about ELF.
 */
final class ModuleFacts {
  private final ElfInput in;
  private final boolean is64;
  private final ElfHeader header;
  private final List<SectionHeader> sections;

  ModuleFacts(ElfInput in, boolean is64, ElfHeader header, List<SectionHeader> sections) {
    this.in = in;
    this.is64 = is64;
    this.header = header;
    this.sections = sections;
  }

  private byte[] content(SectionHeader s) {
    if (s.type() == Elf.SHT_NOBITS) {
      return new byte[0];
    }
    return in.slice(s.offset(), s.size(), "section " + s.name());
  }

  List<String> readModinfo() {
    for (SectionHeader s : sections) {
      if (s.name().equals(".modinfo")) {
        List<String> out = new ArrayList<>();
        byte[] bytes = content(s);
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
          if (i == bytes.length || bytes[i] == 0) {
            if (i > start) {
              out.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
            }
            start = i + 1;
          }
        }
        return out;
      }
    }
    return List.of();
  }

  /** {@code struct modversion_info}: an unsigned long CRC, then the name, 64 bytes in all. */
  List<ModVersion> readVersions() {
    for (SectionHeader s : sections) {
      if (s.name().equals("__versions")) {
        int entry = 64;
        int crcSize = is64 ? 8 : 4;
        if (s.size() % entry != 0) {
          throw in.malformed("__versions is " + s.size() + " bytes, not a multiple of " + entry);
        }
        in.require(s.offset(), s.size(), "__versions");
        List<ModVersion> out = new ArrayList<>();
        for (long e = s.offset(); e < s.offset() + s.size(); e += entry) {
          long crc = in.word(e, is64);
          String name = in.names().of(in.string(e + crcSize, e + entry, "__versions name"));
          out.add(new ModVersion(crc, name));
        }
        return out;
      }
    }
    return List.of();
  }

  /**
   * The symbols a kernel module exports: {@code __ksymtab_X} entries (GPL-only when they sit in
   * {@code __ksymtab_gpl}) with the CRC of {@code __crc_X}, an absolute value in old kernels and a
   * 32-bit word in {@code __kcrctab*} since 5.19.
   */
  List<KernelExport> readExports(List<ElfSymbol> symbols) {
    if (header.type() != Elf.ET_REL) {
      return List.of();
    }
    java.util.Map<String, Long> crcs = new java.util.HashMap<>();
    List<ElfSymbol> tabs = new ArrayList<>();
    for (ElfSymbol s : symbols) {
      if (s.dynamic()) {
        continue;
      }
      if (s.name().startsWith("__crc_")) {
        long crc;
        if (s.sectionIndex() == Elf.SHN_ABS) {
          crc = s.value() & 0xffffffffL;
        } else if (s.sectionIndex() > 0 && s.sectionIndex() < sections.size()) {
          SectionHeader sec = sections.get(s.sectionIndex());
          if (s.value() < 0 || s.value() + 4 > sec.size()) {
            throw in.malformed(s.name() + " lies outside section " + sec.name());
          }
          crc = in.u32(sec.offset() + s.value());
        } else {
          continue;
        }
        crcs.put(s.name().substring("__crc_".length()), crc);
      } else if (s.name().startsWith("__ksymtab_") && s.sectionIndex() > 0 && s.sectionIndex() < sections.size()) {
        tabs.add(s);
      }
    }
    List<KernelExport> out = new ArrayList<>();
    for (ElfSymbol s : tabs) {
      String section = sections.get(s.sectionIndex()).name();
      if (!section.startsWith("__ksymtab") || section.equals("__ksymtab_strings")) {
        continue;
      }
      String symbol = s.name().substring("__ksymtab_".length());
      Long crc = crcs.get(symbol);
      out.add(new KernelExport(symbol, crc != null ? crc : -1L, section.contains("gpl")));
    }
    out.sort(java.util.Comparator.comparing(KernelExport::symbol));
    return out;
  }
}
