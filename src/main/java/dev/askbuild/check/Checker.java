package dev.askbuild.check;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Messages;
import dev.askbuild.core.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The check stage: reads every file under dist, runs the ELF, loader and module checks on each ELF,
 * checks each {@code ar} archive member by member and every other file against the allowed data types
 * ({@link NonElfChecks}), so every file gets at least one result, and returns every result in stable
 * order. It never stops at the first failure.
 */
public final class Checker {
  private final Progress progress;

  public Checker(Progress progress) {
    this.progress = progress;
  }

  public CheckReport run(CheckRequest request) {
    Messages messages = new Messages(progress);
    Path dist = request.dist().toAbsolutePath().normalize();
    if (!Files.isDirectory(dist)) {
      throw AskBuildException.badInput(dist + ": dist directory does not exist");
    }
    if (!Files.isDirectory(request.sysroot())) {
      throw AskBuildException.badInput(request.sysroot() + ": sysroot directory does not exist");
    }
    // The kernel's Module.symvers is tens of thousands of lines: read it while dist is scanned, on
    // a thread of its own, so that it never holds one of the few common-pool threads the scan runs on.
    CompletableFuture<Optional<KernelTree>> kernelLoad =
        CompletableFuture.supplyAsync(() -> request.kernel().map(KernelTree::load), Checker::ownThread);
    List<FileScanner.DistFile> files = listFiles(dist);
    messages.info("check: " + files.size() + " files under " + dist);
    // One scanner (and its read buffer) per thread at work, handed from file to file.
    Queue<FileScanner> idle = new ConcurrentLinkedQueue<>();
    List<FileScanner.ScannedFile> scanned = files.parallelStream().map(f -> {
      FileScanner scanner = idle.poll();
      if (scanner == null) {
        scanner = new FileScanner(request.target());
      }
      try {
        return scanner.scan(f);
      } finally {
        idle.offer(scanner);
      }
    }).toList();
    idle.clear(); // the read buffers are garbage from here on, not live through the checks
    Optional<KernelTree> kernel = join(kernelLoad);

    Symvers siblings = new Symvers();
    for (FileScanner.DistFile f : files) {
      if (f.file().getFileName().toString().equals("Module.symvers")) {
        siblings.addFile(f.file());
      }
    }
    for (FileScanner.ScannedFile s : scanned) {
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
    List<Artifact> artifacts = scanned.stream().map(FileScanner.ScannedFile::artifact).toList();
    List<CheckResult> failures = results.stream().filter(CheckResult::failed).sorted(CheckResult.ORDER).toList();
    messages.info("check: " + results.stream().filter(r -> r.status() == CheckStatus.PASS).count() + " passed, "
        + failures.size() + " failed");
    for (CheckResult failure : failures) {
      messages.warn("check: " + failure.describe());
    }
    List<ArtifactAbi> abi = scanned.stream()
        .filter(s -> s.elf().isPresent())
        .map(s -> ArtifactAbi.of(s.artifact().path(), s.artifact().kind(), s.elf().get()))
        .toList();
    return new CheckReport(artifacts, results, kernel.map(KernelTree::facts).orElse(null), request.target(),
        messages.lines(), abi);
  }

  /** Runs a task on a new thread of its own (a daemon: a failed check must not wait for it). */
  static void ownThread(Runnable task) {
    Thread thread = new Thread(task, "askbuild-check-side-task");
    thread.setDaemon(true);
    thread.start();
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

  /**
   * Every regular file under dist (links are not followed), sorted by relative name. The walk's
   * own attributes give each file's type and size, one {@code lstat} per file; the relative name
   * is the walked path less dist's prefix (Path.relativize cost the walk a third of its time).
   */
  private static List<FileScanner.DistFile> listFiles(Path dist) {
    String root = dist.toString();
    int prefix = root.endsWith(dist.getFileSystem().getSeparator()) ? root.length() : root.length() + 1;
    List<FileScanner.DistFile> files = new ArrayList<>();
    try {
      Files.walkFileTree(dist, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile()) {
            String path = file.toString().substring(prefix).replace('\\', '/');
            files.add(new FileScanner.DistFile(path, file, attrs.size()));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw AskBuildException.badInput(dist + ": cannot list: " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(FileScanner.DistFile::path));
    return files;
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

  private static List<CheckResult> checkOne(FileScanner.ScannedFile s, CheckTarget target, BinaryChecks binaries, ModuleChecks modules) {
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
