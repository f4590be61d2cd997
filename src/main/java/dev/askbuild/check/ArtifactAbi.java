package dev.askbuild.check;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The interface one ELF artifact offers and expects, as a later build is compared against it
 * ({@code abi.json}): for a kernel module its exports and {@code __versions} imports with their
 * CRCs, vermagic, license and {@code depends=}; for userspace ELF its SONAME, NEEDED, defined
 * dynamic symbols, interpreter and search paths; for both the size of every named section. An
 * empty string means the file has none of that field.
 *
 * @param exports kernel-module exports with CRCs, or a userspace ELF's defined dynamic symbols (CRC -1)
 * @param imports a module's {@code __versions} entries: the CRCs it was built against
 */
public record ArtifactAbi(
    String path,
    String kind,
    String module,
    List<AbiSymbol> exports,
    List<AbiSymbol> imports,
    String vermagic,
    String license,
    List<String> depends,
    String soname,
    List<String> needed,
    String interpreter,
    String rpath,
    String runpath,
    Map<String, Long> sections)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public ArtifactAbi {
    exports = List.copyOf(exports);
    imports = List.copyOf(imports);
    depends = List.copyOf(depends);
    needed = List.copyOf(needed);
    sections = java.util.Collections.unmodifiableMap(new TreeMap<>(sections));
  }

  public boolean isModule() {
    return !module.isEmpty();
  }

  /** One symbol of the interface; {@code crc} is -1 where there is none. */
  public record AbiSymbol(String name, long crc, boolean gplOnly) implements Serializable {
    private static final long serialVersionUID = 1L;

    public String crcHex() {
      return crc < 0 ? "" : String.format("0x%08x", crc & 0xffffffffL);
    }
  }

  /** The facts of one parsed ELF file; {@code kind} as the check named it. */
  static ArtifactAbi of(String path, String kind, ElfFile elf) {
    Map<String, Long> sections = new TreeMap<>();
    for (SectionHeader s : elf.sections()) {
      if (!s.name().isEmpty()) {
        sections.merge(s.name(), s.size(), Long::sum); // a name given twice (a linker's choice) sums up
      }
    }
    if (path.endsWith(".ko")) {
      String base = path.substring(path.lastIndexOf('/') + 1, path.length() - 3);
      List<AbiSymbol> exports = elf.exports().stream().map(e -> new AbiSymbol(e.symbol(), e.crc(), e.gplOnly())).toList();
      List<AbiSymbol> imports = elf.versions().stream()
          .map(v -> new AbiSymbol(v.symbol(), v.crc() & 0xffffffffL, false))
          .sorted(java.util.Comparator.comparing(AbiSymbol::name)).toList();
      List<String> depends = new java.util.ArrayList<>();
      for (String d : elf.modinfo("depends")) {
        for (String name : d.split(",")) {
          if (!name.isBlank()) {
            depends.add(name.strip());
          }
        }
      }
      depends.sort(null);
      return new ArtifactAbi(path, kind, elf.firstModinfo("name").orElse(base), exports, imports,
          elf.firstModinfo("vermagic").map(String::strip).orElse(""), elf.firstModinfo("license").orElse(""), depends,
          "", List.of(), "", "", "", sections);
    }
    List<AbiSymbol> dynamic = new java.util.ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (ElfSymbol s : elf.symbols()) {
      // Defined global or weak dynamic symbols: what another object can link against.
      if (s.dynamic() && s.sectionIndex() != Elf.SHN_UNDEF && s.binding() != 0 && !s.name().isEmpty() && seen.add(s.name())) {
        dynamic.add(new AbiSymbol(s.name(), -1, false));
      }
    }
    dynamic.sort(java.util.Comparator.comparing(AbiSymbol::name));
    DynamicInfo d = elf.dynamic();
    return new ArtifactAbi(path, kind, "", dynamic, List.of(), "", "", List.of(), d.soname().orElse(""), d.needed(),
        elf.interpreter().orElse(""), d.rpath().orElse(""), d.runpath().orElse(""), sections);
  }
}
