package dev.askbuild.check;

import dev.askbuild.core.Libc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Loader-facing checks on executables and shared libraries. */
final class BinaryChecks {
  private static final List<String> HOST_PREFIXES =
      List.of("/home/", "/tmp/", "/var/tmp/", "/root/", "/build/");

  private final CheckTarget target;
  private final LibraryResolver resolver;
  private final List<String> hostPaths;

  BinaryChecks(CheckTarget target, LibraryResolver resolver, List<String> hostPaths) {
    this.target = target;
    this.resolver = resolver;
    this.hostPaths = List.copyOf(hostPaths);
  }

  List<CheckResult> check(String artifact, ElfFile elf) {
    List<CheckResult> out = new ArrayList<>();
    interp(artifact, elf, out);
    DynamicInfo dyn = elf.dynamic();
    if (dyn != DynamicInfo.NONE) {
      needed(artifact, dyn, out);
      rpath(artifact, dyn, out);
      out.add(
          dyn.textrel()
              ? CheckResult.fail(artifact, "textrel", "no text relocations", "TEXTREL", "built without -fPIC")
              : CheckResult.pass(artifact, "textrel", "no text relocations", "none"));
      boolean relro = elf.program(Elf.PT_GNU_RELRO).isPresent();
      out.add(CheckResult.info(artifact, "relro", relro ? (dyn.bindNow() ? "full" : "partial") : "none", ""));
      out.add(CheckResult.info(artifact, "bindnow", dyn.bindNow() ? "yes" : "no", ""));
    }
    stack(artifact, elf, out);
    return out;
  }

  private void interp(String artifact, ElfFile elf, List<CheckResult> out) {
    Optional<String> interp = elf.interpreter();
    if (interp.isEmpty()) {
      String what = elf.header().type() == Elf.ET_EXEC ? "static executable" : "none (shared library)";
      out.add(CheckResult.pass(artifact, "interp", target.interpreter(), what));
    } else if (interp.get().equals(target.interpreter())) {
      out.add(CheckResult.pass(artifact, "interp", target.interpreter(), interp.get()));
    } else {
      out.add(CheckResult.fail(artifact, "interp", target.interpreter(), interp.get(), wrongLoader(interp.get())));
    }
  }

  /** Why an interpreter is wrong: a binary of the other libc is named as such. */
  private String wrongLoader(String found) {
    return Libc.ofInterpreter(found)
        .filter(other -> other != target.libc())
        .map(other -> "a " + other.label() + " binary (interpreter " + found + ") in a " + target.libc().label()
            + " dist: the board's loader is " + target.interpreter())
        .orElse("PT_INTERP is not the board's loader");
  }

  private void needed(String artifact, DynamicInfo dyn, List<CheckResult> out) {
    if (dyn.needed().isEmpty()) {
      return;
    }
    int slash = artifact.lastIndexOf('/');
    String dir = slash < 0 ? "" : artifact.substring(0, slash);
    List<String> missing = new ArrayList<>();
    List<String> found = new ArrayList<>();
    for (String lib : dyn.needed()) {
      Optional<String> where = resolver.resolve(lib, dir, dyn);
      if (where.isPresent()) {
        found.add(lib + "=" + where.get());
      } else {
        missing.add(lib);
      }
    }
    String expected = "all resolve: " + String.join(", ", dyn.needed());
    if (missing.isEmpty()) {
      out.add(new CheckResult(artifact, "needed", CheckStatus.PASS, expected, "all resolved", String.join(", ", found)));
    } else {
      out.add(CheckResult.fail(artifact, "needed", expected, "missing: " + String.join(", ", missing),
          "searched " + String.join(":", resolver.searchDirs(dir, dyn)) + " in dist and sysroot"));
    }
  }

  private void rpath(String artifact, DynamicInfo dyn, List<CheckResult> out) {
    List<String> bad = new ArrayList<>();
    List<String> all = new ArrayList<>();
    dyn.rpath().ifPresent(r -> all.add("RPATH=" + r));
    dyn.runpath().ifPresent(r -> all.add("RUNPATH=" + r));
    for (Optional<String> path : List.of(dyn.rpath(), dyn.runpath())) {
      path.ifPresent(
          p -> {
            for (String entry : p.split(":")) {
              if (leaksHost(entry)) {
                bad.add(entry);
              }
            }
          });
    }
    String actual = all.isEmpty() ? "none" : String.join(" ", all);
    if (bad.isEmpty()) {
      out.add(CheckResult.pass(artifact, "rpath", "no build-host paths", actual));
    } else {
      out.add(CheckResult.fail(artifact, "rpath", "no build-host paths", actual, "points into the build host: " + String.join(", ", bad)));
    }
  }

  private boolean leaksHost(String entry) {
    if (entry.isEmpty() || entry.startsWith("$ORIGIN") || entry.startsWith("${ORIGIN}")) {
      return false;
    }
    if (!entry.startsWith("/")) {
      return true; // relative to the process's working directory: never what the board has
    }
    String withSlash = entry.endsWith("/") ? entry : entry + "/";
    for (String host : hostPaths) {
      String h = host.endsWith("/") ? host : host + "/";
      if (withSlash.startsWith(h)) {
        return true;
      }
    }
    return HOST_PREFIXES.stream().anyMatch(withSlash::startsWith);
  }

  private static void stack(String artifact, ElfFile elf, List<CheckResult> out) {
    Optional<ProgramHeader> stack = elf.program(Elf.PT_GNU_STACK);
    if (stack.isEmpty()) {
      out.add(CheckResult.info(artifact, "stack", "no PT_GNU_STACK", "the loader's default applies"));
    } else if ((stack.get().flags() & Elf.PF_X) != 0) {
      out.add(CheckResult.fail(artifact, "stack", "non-executable stack", "executable (PT_GNU_STACK RWE)", "link with -z noexecstack"));
    } else {
      out.add(CheckResult.pass(artifact, "stack", "non-executable stack", "non-executable"));
    }
  }
}
