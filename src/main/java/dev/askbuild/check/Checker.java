package dev.askbuild.check;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Messages;
import dev.askbuild.core.Progress;
import dev.askbuild.core.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The check stage: reads every file under dist, runs the ELF, loader and module checks on each ELF,
 * checks each {@code ar} archive member by member and every other file against the allowed data types
 * ({@link NonElfChecks}), so every file gets at least one result, and returns every result in stable
 * order. It never stops at the first failure.
 */
public final class Checker {
  /** Files up to this size are read once into memory, hashed and parsed from the same bytes. */
  private static final long SMALL_FILE = 64L << 20;

  private final Progress progress;

  public Checker(Progress progress) {
    this.progress = progress;
  }

  /**
   * One file of dist as read in the first pass: an ELF (or why it is malformed), or a non-ELF file
   * whose results need nothing else and are ready.
   */
  private record Scanned(Artifact artifact, Optional<ElfFile> elf, Optional<String> error, List<CheckResult> ready) {}

  public CheckReport run(CheckRequest request) {
    Messages messages = new Messages(progress);
    Path dist = request.dist().toAbsolutePath().normalize();
    if (!Files.isDirectory(dist)) {
      throw AskBuildException.badInput(dist + ": dist directory does not exist");
    }
    if (!Files.isDirectory(request.sysroot())) {
      throw AskBuildException.badInput(request.sysroot() + ": sysroot directory does not exist");
    }
    // The kernel's Module.symvers is tens of thousands of lines: read it while dist is scanned.
    CompletableFuture<Optional<KernelTree>> kernelLoad =
        CompletableFuture.supplyAsync(() -> request.kernel().map(KernelTree::load));
    List<Path> files = listFiles(dist);
    messages.info("check: " + files.size() + " files under " + dist);
    List<Scanned> scanned = files.parallelStream().map(f -> scan(dist, f, request.target())).toList();
    Optional<KernelTree> kernel = join(kernelLoad);

    Symvers siblings = new Symvers();
    for (Path f : files) {
      if (f.getFileName().toString().equals("Module.symvers")) {
        siblings.addFile(f);
      }
    }
    for (Scanned s : scanned) {
      s.elf().ifPresent(elf -> addExports(siblings, s.artifact().path(), elf));
    }

    List<String> hostPaths = new ArrayList<>();
    hostPaths.add(dist.toString());
    hostPaths.add(request.sysroot().toAbsolutePath().normalize().toString());
    request.kernel().ifPresent(k -> hostPaths.add(k.toAbsolutePath().normalize().toString()));
    hostPaths.add(System.getProperty("user.home", "/root"));
    hostPaths.add(System.getProperty("java.io.tmpdir", "/tmp"));
    BinaryChecks binaries =
        new BinaryChecks(request.target(), new LibraryResolver(dist, request.sysroot(), request.target()), hostPaths);
    ModuleChecks modules = new ModuleChecks(request.target(), kernel, siblings);

    List<CheckResult> results =
        scanned.parallelStream()
            .flatMap(s -> checkOne(s, request.target(), binaries, modules).stream())
            .toList();
    List<Artifact> artifacts = scanned.stream().map(Scanned::artifact).toList();
    CheckReport report = new CheckReport(artifacts, results, kernel.map(KernelTree::facts).orElse(null),
        request.target(), List.of());
    messages.info("check: " + report.count(CheckStatus.PASS) + " passed, " + report.count(CheckStatus.FAIL) + " failed");
    for (CheckResult failure : report.failures()) {
      messages.warn("check: " + failure.describe());
    }
    return new CheckReport(report.artifacts(), report.results(), report.kernelFacts(), report.target(),
        messages.lines());
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static List<Path> listFiles(Path dist) {
    try (Stream<Path> walk = Files.walk(dist)) {
      // Sorted by the relative name, computed once per file rather than once per comparison.
      return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .map(p -> Map.entry(relative(dist, p), p))
          .sorted(Map.Entry.comparingByKey())
          .map(Map.Entry::getValue)
          .toList();
    } catch (IOException e) {
      throw AskBuildException.badInput(dist + ": cannot list: " + e.getMessage(), e);
    }
  }

  static String relative(Path dist, Path file) {
    return dist.relativize(file).toString().replace('\\', '/');
  }

  private static Scanned scan(Path dist, Path file, CheckTarget target) {
    String rel = relative(dist, file);
    long size;
    String sha;
    byte[] content = null;
    try {
      size = Files.size(file);
      if (size <= SMALL_FILE) {
        // Read once: the same bytes are hashed and parsed.
        content = Files.readAllBytes(file);
        sha = Sha256.ofBytes(content);
      } else {
        sha = Sha256.ofFile(file);
      }
    } catch (IOException e) {
      throw AskBuildException.badInput(file + ": cannot read: " + e.getMessage(), e);
    }
    boolean elf = content != null ? isElf(content) : ElfReader.isElf(file);
    if (!elf) {
      NonElfChecks.Outcome outcome =
          content != null ? NonElfChecks.check(rel, content, target) : NonElfChecks.checkLarge(rel, head(file));
      return new Scanned(new Artifact(rel, size, sha, outcome.kind()), Optional.empty(), Optional.empty(),
          outcome.results());
    }
    try {
      ElfFile parsed = content != null ? ElfReader.read(file.toString(), content) : ElfReader.read(file);
      return new Scanned(new Artifact(rel, size, sha, kind(rel, parsed)), Optional.of(parsed), Optional.empty(), List.of());
    } catch (AskBuildException e) {
      return new Scanned(new Artifact(rel, size, sha, "malformed-elf"), Optional.empty(), Optional.of(e.getMessage()),
          List.of());
    }
  }

  /** The first bytes of a file, enough for the magic numbers {@link NonElfChecks} knows. */
  private static byte[] head(Path file) {
    try (var in = Files.newInputStream(file)) {
      return in.readNBytes(512);
    } catch (IOException e) {
      throw AskBuildException.badInput(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static boolean isElf(byte[] b) {
    return b.length >= 4 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
  }

  static String kind(String path, ElfFile elf) {
    if (path.endsWith(".ko")) {
      return "kernel-module";
    }
    return switch (elf.header().type()) {
      case Elf.ET_EXEC -> "executable";
      case Elf.ET_DYN -> elf.interpreter().isPresent() && !elf.dynamic().soname().isPresent() ? "pie-executable" : "shared-library";
      case Elf.ET_REL -> "relocatable";
      default -> "elf";
    };
  }

  private static void addExports(Symvers siblings, String path, ElfFile elf) {
    if (!path.endsWith(".ko")) {
      return;
    }
    String base = path.substring(path.lastIndexOf('/') + 1, path.length() - 3);
    String module = elf.firstModinfo("name").orElse(base);
    for (KernelExport e : elf.exports()) {
      siblings.add(new SymversEntry(e.symbol(), e.crc(), module, e.gplOnly() ? "EXPORT_SYMBOL_GPL" : "EXPORT_SYMBOL"));
    }
  }

  private static List<CheckResult> checkOne(Scanned s, CheckTarget target, BinaryChecks binaries, ModuleChecks modules) {
    String path = s.artifact().path();
    if (s.error().isPresent()) {
      return List.of(CheckResult.fail(path, "elf.read", "a well-formed ELF file", "malformed", s.error().get()));
    }
    if (s.elf().isEmpty()) {
      return s.ready();
    }
    ElfFile elf = s.elf().get();
    List<CheckResult> out = new ArrayList<>();
    boolean classOk = elf.header().elfClass() == target.elfClass();
    boolean machineOk = elf.header().machine() == target.machine();
    out.add(classOk
        ? CheckResult.pass(path, "elf.class", Elf.className(target.elfClass()), Elf.className(elf.header().elfClass()))
        : CheckResult.fail(path, "elf.class", Elf.className(target.elfClass()), Elf.className(elf.header().elfClass()), "wrong word size for the board"));
    out.add(machineOk
        ? CheckResult.pass(path, "elf.machine", Elf.machineName(target.machine()), Elf.machineName(elf.header().machine()))
        : CheckResult.fail(path, "elf.machine", Elf.machineName(target.machine()), Elf.machineName(elf.header().machine()), "built for another architecture"));
    if (!classOk || !machineOk) {
      return out; // everything else would only repeat that this file is for another machine
    }
    if (path.endsWith(".ko")) {
      out.addAll(modules.check(path, elf));
    } else if (elf.header().type() == Elf.ET_EXEC || elf.header().type() == Elf.ET_DYN) {
      out.addAll(binaries.check(path, elf));
    }
    return out;
  }
}
