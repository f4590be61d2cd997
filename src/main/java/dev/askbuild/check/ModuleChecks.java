package dev.askbuild.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Kernel-module checks: what {@code insmod} and modpost would say. Symbols resolve against the
 * kernel's Module.symvers first, then against sibling modules (the KBUILD_EXTRA_SYMBOLS chain).
 */
final class ModuleChecks {
  private static final int LISTED = 10;
  /** Symbols modpost does not expect anyone to export ({@code ignore_undef_symbol}). */
  private static final Set<String> IGNORED = Set.of("__this_module", "_GLOBAL_OFFSET_TABLE_");
  /** {@code license_is_gpl_compatible()} in kernel/module/main.c. */
  private static final Set<String> GPL_COMPATIBLE =
      Set.of("GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL");

  private final Optional<KernelTree> kernel;
  private final Symvers siblings;
  /** The kernel's exports, null without a kernel tree or its Module.symvers. */
  private final Symvers kernelSymvers;
  /** What every module's vermagic must be: the same for all, so worked out once. */
  private final String vermagic;

  ModuleChecks(CheckTarget target, Optional<KernelTree> kernel, Symvers siblings) {
    this.kernel = kernel;
    this.siblings = siblings;
    this.kernelSymvers = kernel.flatMap(KernelTree::symvers).orElse(null);
    this.vermagic = kernel.map(k -> Vermagic.expected(k, target)).orElse(null);
  }

  List<CheckResult> check(String artifact, ElfFile elf) {
    List<CheckResult> out = new ArrayList<>();
    if (elf.header().type() != Elf.ET_REL) {
      out.add(CheckResult.fail(artifact, "ko.type", "REL (relocatable)", Elf.typeName(elf.header().type()), "a .ko must be relocatable"));
      return out;
    }
    out.add(CheckResult.pass(artifact, "ko.type", "REL (relocatable)", "REL"));
    Optional<String> license = elf.firstModinfo("license");
    out.add(
        license.isPresent()
            ? CheckResult.pass(artifact, "ko.license", "a license tag", license.get())
            : CheckResult.fail(artifact, "ko.license", "a license tag", "none", "MODULE_LICENSE() missing: the kernel taints and refuses GPL-only symbols"));
    if (kernel.isEmpty()) {
      out.add(CheckResult.fail(artifact, "ko.vermagic", "a prepared kernel (--kernel)", "none given", "cannot check a module without its kernel"));
      return out;
    }
    KernelTree k = kernel.get();
    String expected = vermagic;
    String actual = elf.firstModinfo("vermagic").map(String::strip).orElse("none");
    out.add(
        expected.equals(actual)
            ? CheckResult.pass(artifact, "ko.vermagic", expected, actual)
            : CheckResult.fail(artifact, "ko.vermagic", expected, actual, "built against another kernel or config"));
    versions(artifact, elf, k, out);
    List<SymversEntry> used = symbols(artifact, elf, k, out);
    gpl(artifact, license, used, out);
    return out;
  }

  /** The kernel's export of {@code symbol}, else a sibling module's, else null. */
  private SymversEntry lookup(String symbol) {
    SymversEntry fromKernel = kernelSymvers == null ? null : kernelSymvers.entry(symbol);
    return fromKernel != null ? fromKernel : siblings.entry(symbol);
  }

  private void versions(String artifact, ElfFile elf, KernelTree k, List<CheckResult> out) {
    if (!k.enabled("MODVERSIONS")) {
      out.add(CheckResult.info(artifact, "ko.modversions", elf.versions().size() + " entries", "the kernel has no CONFIG_MODVERSIONS"));
      return;
    }
    String expected = "every __versions CRC equals Module.symvers";
    if (k.symvers().isEmpty()) {
      out.add(CheckResult.fail(artifact, "ko.modversions", expected, "no Module.symvers in " + k.dir(), "build the kernel's modules first"));
      return;
    }
    if (elf.versions().isEmpty()) {
      out.add(CheckResult.fail(artifact, "ko.modversions", expected, "no __versions section", "built without CONFIG_MODVERSIONS"));
      return;
    }
    List<String> bad = new ArrayList<>();
    for (ModVersion v : elf.versions()) {
      SymversEntry e = lookup(v.symbol());
      if (e == null) {
        bad.add(v.symbol() + " " + v.crcHex() + " (exported by nobody)");
      } else if ((e.crc() & 0xffffffffL) != (v.crc() & 0xffffffffL)) {
        bad.add(v.symbol() + " " + v.crcHex() + " (" + e.module() + " has " + e.crcHex() + ")");
      }
    }
    if (bad.isEmpty()) {
      out.add(CheckResult.pass(artifact, "ko.modversions", expected, elf.versions().size() + " CRCs match"));
    } else {
      out.add(CheckResult.fail(artifact, "ko.modversions", expected, bad.size() + " differ: " + listed(bad), "disagrees about version of symbol"));
    }
  }

  private List<SymversEntry> symbols(String artifact, ElfFile elf, KernelTree k, List<CheckResult> out) {
    List<SymversEntry> used = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    int count = 0;
    for (ElfSymbol s : elf.undefinedSymbols()) {
      if (IGNORED.contains(s.name())) {
        continue;
      }
      count++;
      SymversEntry e = lookup(s.name());
      if (e != null) {
        used.add(e);
      } else if (!s.weak()) {
        unresolved.add(s.name());
      }
    }
    String expected = "every undefined symbol exported by the kernel or a sibling module";
    if (k.symvers().isEmpty()) {
      out.add(CheckResult.fail(artifact, "ko.symbols", expected, "no Module.symvers in " + k.dir(), "cannot resolve symbols"));
    } else if (unresolved.isEmpty()) {
      out.add(CheckResult.pass(artifact, "ko.symbols", expected, count + " resolved"));
    } else {
      out.add(CheckResult.fail(artifact, "ko.symbols", expected, unresolved.size() + " undefined: " + listed(unresolved), "modpost: undefined!"));
    }
    return used;
  }

  private static void gpl(String artifact, Optional<String> license, List<SymversEntry> used, List<CheckResult> out) {
    boolean gpl = license.isPresent() && GPL_COMPATIBLE.contains(license.get());
    List<String> gplOnly = used.stream().filter(SymversEntry::gplOnly).map(SymversEntry::symbol).sorted().toList();
    String expected = "no GPL-only symbols unless GPL-compatible";
    if (!gpl && !gplOnly.isEmpty()) {
      out.add(CheckResult.fail(artifact, "ko.gpl", expected, "license " + license.orElse("none") + " uses " + listed(gplOnly), "GPL-incompatible module uses GPL-only symbol"));
    } else {
      out.add(CheckResult.pass(artifact, "ko.gpl", expected, license.orElse("none") + ", " + gplOnly.size() + " GPL-only symbols"));
    }
  }

  private static String listed(List<String> items) {
    List<String> sorted = items.stream().sorted().toList();
    String head = String.join(", ", sorted.subList(0, Math.min(LISTED, sorted.size())));
    return sorted.size() > LISTED ? head + ", ... (" + (sorted.size() - LISTED) + " more)" : head;
  }
}
