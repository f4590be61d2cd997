package dev.askbuild.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the checks need from one ELF file, as read by {@link ElfReader}. {@code symbols} holds
 * the dynamic symbols and the static ones except defined locals (only a module's {@code __crc_} and
 * {@code __ksymtab_} markers are kept of those): that is what the checks use, and it keeps big
 * symbol tables cheap. {@code localsLeftOut} counts the defined locals left out, so a reader of
 * this record sees that they exist (and how many) rather than a symbol table that looks complete.
 */
public record ElfFile(
    String name,
    ElfHeader header,
    List<ProgramHeader> programs,
    List<SectionHeader> sections,
    Optional<String> interpreter,
    DynamicInfo dynamic,
    List<ElfSymbol> symbols,
    List<String> modinfo,
    List<ModVersion> versions,
    List<KernelExport> exports,
    long localsLeftOut) {

  public ElfFile {
    programs = List.copyOf(programs);
    sections = List.copyOf(sections);
    symbols = List.copyOf(symbols);
    modinfo = List.copyOf(modinfo);
    versions = List.copyOf(versions);
    exports = List.copyOf(exports);
  }

  public Optional<SectionHeader> section(String sectionName) {
    return sections.stream().filter(s -> s.name().equals(sectionName)).findFirst();
  }

  public Optional<ProgramHeader> program(long type) {
    return programs.stream().filter(p -> p.type() == type).findFirst();
  }

  /** Every value of a {@code .modinfo} key, in file order. */
  public List<String> modinfo(String key) {
    List<String> values = new ArrayList<>();
    String prefix = key + "=";
    for (String entry : modinfo) {
      if (entry.startsWith(prefix)) {
        values.add(entry.substring(prefix.length()));
      }
    }
    return values;
  }

  public Optional<String> firstModinfo(String key) {
    List<String> values = modinfo(key);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Undefined, non-empty symbol names of the static symbol table (what modpost resolves). */
  public List<ElfSymbol> undefinedSymbols() {
    return symbols.stream().filter(s -> !s.dynamic() && s.undefined()).toList();
  }
}
