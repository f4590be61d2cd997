package dev.askbuild.sysroot;

import dev.askbuild.cache.CacheStore;
import dev.askbuild.cache.CompilerCache;
import dev.askbuild.cache.EntryLock;
import dev.askbuild.cache.EntryCheck;
import dev.askbuild.cache.EntryManifest;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.board.BuildKind;
import dev.askbuild.core.BuildEnvironment;
import dev.askbuild.core.Command;
import dev.askbuild.core.Dpkg;
import dev.askbuild.core.CrossToolchain;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.Heartbeat;
import dev.askbuild.core.Libc;
import dev.askbuild.core.Messages;
import dev.askbuild.core.PatchApplier;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.core.Sha256;
import dev.askbuild.extract.ExtractRequest;
import dev.askbuild.extract.SafeExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sysroot stage: an arm64 glibc sysroot from Debian's cross libc and multiarch {@code -dev}
 * packages, or a musl one from Debian's musl ({@link MuslSysroot}), with the vendored libraries
 * cross-built into it. Finished sysroots are cached by the hash of every input and published with
 * one rename, so a killed run never leaves one that looks complete; two runs that miss the same
 * entry build it once (the second waits on its {@link EntryLock}, then hits). An entry carries the
 * hashes of its files ({@link EntryManifest}), checked on every hit: one changed after publishing
 * is rebuilt rather than linked against.
 */
public final class SysrootStage {
  static final String COMPLETE_MARKER = ".askbuild-complete";

  private final ProcessRunner runner;
  private final Progress progress;

  public SysrootStage(ProcessRunner runner, Progress progress) {
    this.runner = runner;
    this.progress = progress;
  }

  public SysrootResult run(SysrootRequest request) throws IOException {
    Messages messages = new Messages(progress);
    // Every input must still be the file verification proved, also when the cache would answer.
    for (VendoredLibrary lib : request.libraries()) {
      lib.tarball().recheck();
    }
    String triple = request.triple();
    Libc target = request.toolchain().libc();
    MuslSysroot musl = new MuslSysroot(runner, request.toolchain());
    Path libc = Path.of("/usr", triple);
    if (!Files.isDirectory(libc.resolve("lib")) || !Files.isDirectory(libc.resolve("include"))) {
      throw AskBuildException.environment(
          "the cross libc for " + triple + " is not installed: apt-get install libc6-dev-"
              + request.toolchain().debianArch() + "-cross");
    }
    List<String> packages;
    if (target == Libc.MUSL) {
      musl.requireInstalled();
      // Debian's arm64 -dev packages are glibc builds: linked into musl programs they would call
      // glibc's symbols (__*_chk, versioned ones). A library musl needs must be vendored.
      packages = List.of();
      if (!request.devPackages().isEmpty()) {
        messages.info("sysroot: musl: left out the board's -dev packages, Debian's glibc builds: "
            + String.join(", ", request.devPackages()));
      }
    } else {
      packages = new PackageClosure(new Dpkg(runner)).of(request.devPackages());
    }
    String key = key(request, packages, musl);
    Files.createDirectories(request.cache());
    // The libc is in the name too, so a glibc and a musl sysroot are told apart at a glance.
    Path entry = request.cache().resolve((target == Libc.MUSL ? "sysroot-musl-" : "sysroot-") + key.substring(0, 24));
    Optional<SysrootResult> hit = hit(entry, key, messages);
    if (hit.isPresent()) {
      return hit.get();
    }
    // One build per missing entry: a concurrent run of the same inputs (another agent on a shared
    // cache) waits here, then finds the entry the first one published. The wait is kept in the
    // stage's messages, so its log says where the time went.
    try (EntryLock lock = EntryLock.acquire(entry, "sysroot", messages)) {
      hit = hit(entry, key, messages);
      if (hit.isPresent()) {
        return hit.get();
      }
      messages.info("sysroot: cache miss, building " + entry);
      // Holding the lock, any partial sysroot of this entry is a dead holder's: none is in progress.
      int abandoned = FileTrees.removeAbandonedStaging(entry, Duration.ZERO);
      if (abandoned > 0) {
        messages.info("sysroot: removed " + abandoned + " partial sysroot(s) of killed runs");
      }
      Path staging = FileTrees.stagingSibling(entry);
      boolean published = false;
      try {
        Files.createDirectories(staging);
        if (target == Libc.MUSL) {
          musl.stage(staging);
        } else {
          stageLibc(libc, staging, triple);
        }
        for (String pkg : packages) {
          stagePackage(pkg, staging);
        }
        for (VendoredLibrary library : request.libraries()) {
          try (Heartbeat beat = Heartbeat.start(messages, "sysroot: building " + library.name(), () -> "")) {
            buildLibrary(library, request, staging, messages);
          }
        }
        for (Path file : StagingPaths.rewrite(staging)) {
          progress.info("sysroot: " + staging.relativize(file) + " named the staging directory; now sysroot-relative");
        }
        Files.writeString(staging.resolve(".askbuild-sysroot-key"), key + "\n");
        Files.writeString(staging.resolve(COMPLETE_MARKER), "");
        // Last, so it covers the marker and the key too: every later hit checks the files against it.
        EntryManifest.write(staging);
        if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
          // A leftover without marker from a killed run: never trusted, replaced whole.
          FileTrees.deleteRecursively(entry);
        }
        FileTrees.publish(staging, entry);
        published = true;
        EntryManifest.moveProof(staging, entry);
        messages.info("sysroot: published " + entry + " (" + packages.size() + " -dev package(s), "
            + request.libraries().size() + " vendored librar" + (request.libraries().size() == 1 ? "y" : "ies") + ")");
        return new SysrootResult(entry.toString(), key, false, messages.lines());
      } finally {
        if (!published) {
          FileTrees.deleteQuietly(staging);
        }
      }
    }
  }

  /**
   * The entry when it is published and still what was published. One whose files changed since
   * (a tool that wrote into it, a disk that lost bytes) is moved aside and deleted, so that no run
   * links against it again (a reader that has it open keeps its files until it is done), then built
   * again; one published before entries had manifests gets one now and is trusted as it is.
   */
  private Optional<SysrootResult> hit(Path entry, String key, Messages messages) throws IOException {
    if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) || !Files.exists(entry.resolve(COMPLETE_MARKER))) {
      return Optional.empty();
    }
    EntryCheck check = EntryCheck.of(entry);
    if (!check.intact()) {
      messages.warn("sysroot: cache entry " + entry + " changed after it was published, rebuilding it: "
          + String.join("; ", check.problems()));
      EntryCheck.discard(entry);
      return Optional.empty();
    }
    CacheStore.touch(entry);
    messages.info("sysroot: cache hit " + entry + "; " + check.describe());
    return Optional.of(new SysrootResult(entry.toString(), key, true, messages.lines()));
  }

  /** Everything that decides the sysroot's content goes into its cache key. */
  private String key(SysrootRequest request, List<String> packages, MuslSysroot musl) throws IOException {
    // v3: staging paths rewritten out of .pc and .la files (entries of v2 carry them).
    StringBuilder sb = new StringBuilder("askbuild-sysroot-v3\n");
    sb.append("triple ").append(request.triple()).append('\n');
    sb.append("gcc ").append(CrossToolchain.gccVersion(runner, request.triple())).append('\n');
    if (request.toolchain().libc() == Libc.MUSL) {
      sb.append(musl.keyLines());
    } else {
      // glibc's line as it always was, so glibc sysroots cached before musl existed stay valid.
      sb.append("libc ").append(new Dpkg(runner).version("libc6-dev-" + request.toolchain().debianArch() + "-cross")).append('\n');
    }
    for (String pkg : packages) {
      sb.append("dev ").append(pkg).append(' ')
          .append(new Dpkg(runner).version(pkg)).append('\n');
    }
    for (VendoredLibrary lib : request.libraries()) {
      sb.append("lib ").append(lib.name()).append(' ').append(lib.kind()).append(' ')
          .append(String.join(" ", lib.extraArgs())).append('\n');
      // The hash verification proved, not a second reading of the file.
      sb.append("  tarball ").append(lib.tarball().sha256()).append('\n');
      for (Path patch : lib.patches()) {
        sb.append("  patch ").append(patch.getFileName()).append(' ')
            .append(Sha256.ofFile(requireFile(patch, lib))).append('\n');
      }
    }
    sb.append("epoch ").append(request.epoch()).append('\n');
    return Sha256.ofString(sb.toString());
  }

  private static Path requireFile(Path file, VendoredLibrary lib) {
    if (!Files.isRegularFile(file)) {
      throw AskBuildException.badInput("library " + lib.name() + ": " + file + " does not exist");
    }
    return file;
  }

  /**
   * Debian's cross libc lives in /usr/TRIPLE; in the sysroot it takes the multiarch places a
   * target system has, with /lib a link to usr/lib, and its linker scripts pointed there.
   */
  private static void stageLibc(Path libc, Path sysroot, String triple) throws IOException {
    Path libDir = Files.createDirectories(sysroot.resolve("usr/lib").resolve(triple));
    copyTree(libc.resolve("lib"), libDir);
    copyTree(libc.resolve("include"), Files.createDirectories(sysroot.resolve("usr/include")));
    Files.createSymbolicLink(sysroot.resolve("lib"), Path.of("usr/lib"));
    try (Stream<Path> files = Files.list(libDir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith("ld-linux")) {
          Files.createSymbolicLink(sysroot.resolve("usr/lib").resolve(name), Path.of(triple, name));
        }
        if (name.endsWith(".so") && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && Files.size(f) < 4096) {
          String text = Files.readString(f, StandardCharsets.ISO_8859_1);
          if (text.contains("GNU ld script")) {
            Files.writeString(f, text.replace("/usr/" + triple + "/lib/", "/usr/lib/" + triple + "/"),
                StandardCharsets.ISO_8859_1);
          }
        }
      }
    }
  }

  /** Copies the files an installed multiarch package owns, links made relative to the sysroot. */
  private void stagePackage(String pkg, Path sysroot) throws IOException {
    for (String line : new Dpkg(runner).files(pkg)) {
      if (!line.startsWith("/") || line.startsWith("/usr/share/doc") || line.startsWith("/usr/share/man")) {
        continue;
      }
      Path source = Path.of(line);
      if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS) || !Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      Path dest = sysroot.resolve(line.substring(1));
      Files.createDirectories(dest.getParent());
      if (Files.isSymbolicLink(source)) {
        Path target = Files.readSymbolicLink(source);
        if (target.isAbsolute()) {
          target = dest.getParent().relativize(sysroot.resolve(target.toString().substring(1)));
        }
        Files.deleteIfExists(dest);
        Files.createSymbolicLink(dest, target);
      } else {
        Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private void buildLibrary(VendoredLibrary lib, SysrootRequest request, Path sysroot, Messages messages)
      throws IOException {
    Path src = request.work().resolve("sysroot-src").resolve(lib.name()).toAbsolutePath();
    FileTrees.deleteRecursively(src);
    Files.createDirectories(src.getParent());
    new SafeExtractor().extract(lib.tarball(), ExtractRequest.of(lib.tarball().file(), src).withStripComponents(1)
        .withDropVcs(true).withEpoch(request.epoch()));
    Path log = request.work().resolve("logs").resolve("sysroot-" + lib.name() + ".log").toAbsolutePath();
    new PatchApplier(runner).apply(lib.patches(), src, "library " + lib.name(), log.getParent());
    messages.info("sysroot: building " + lib.name() + " (" + lib.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
    String triple = request.triple();
    Libc libc = request.toolchain().libc();
    String jobs = "-j" + request.jobs();
    Map<String, String> env = buildEnv(request, sysroot, src);
    env.putAll(compilerEnv(request));
    List<String> cc = List.of("CC=" + env.get("CC"), "AR=" + triple + "-ar");
    String what = "building library " + lib.name() + (libc == Libc.GLIBC ? "" : " against " + libc.label());
    if (lib.kind() == BuildKind.AUTOTOOLS) {
      List<String> configure = new ArrayList<>(List.of("./configure", "--host=" + libc.hostTriple(request.toolchain()),
          "--prefix=/usr", "--libdir=/" + libc.libDir(request.toolchain())));
      configure.addAll(lib.extraArgs());
      Command configureCommand = new Command(configure, src, env);
      ProcessRunner.Result configured = runner.run(configureCommand, log);
      if (!configured.succeeded() && libc == Libc.MUSL) {
        MuslSysroot.refuseMissingPackages(lib.name(), src, sysroot, log, request.devPackages());
      }
      if (!configured.succeeded()) {
        throw ProcessRunner.failure(configureCommand, configured, what + " (configure)");
      }
      runner.runChecked(new Command(List.of("make", jobs), src, env), log, what);
      runner.runChecked(new Command(List.of("make", "DESTDIR=" + sysroot, "install"), src, env), log, what + " (install)");
    } else {
      List<String> make = new ArrayList<>(List.of("make", jobs));
      make.addAll(cc);
      make.addAll(lib.extraArgs());
      runner.runChecked(new Command(make, src, env), log, what);
      List<String> install = new ArrayList<>(List.of("make", "DESTDIR=" + sysroot, "PREFIX=/usr", "install"));
      install.addAll(cc);
      install.addAll(lib.extraArgs());
      runner.runChecked(new Command(install, src, env), log, what + " (install)");
    }
    if (libc == Libc.MUSL) {
      new MuslSysroot(runner, request.toolchain()).probeSharedLibraries(lib.name(), sysroot, src, env, log);
    }
  }

  /**
   * The cross compiler through ccache (links named like it first on PATH). The sysroot is built in
   * a staging directory of its own each time and its path is in every compile's arguments, so its
   * compiles hit only within one run; the cache is still the one the kernel and compile stages use.
   */
  private Map<String, String> compilerEnv(SysrootRequest request) throws IOException {
    String path = runner.environment().getOrDefault("PATH", "/usr/bin:/bin");
    java.util.Optional<Path> masquerade = request.compilerCache().masquerade(
        request.work().toAbsolutePath().resolve("ccache-bin"), request.triple() + "-", path);
    if (masquerade.isEmpty()) {
      return Map.of();
    }
    Map<String, String> env = new LinkedHashMap<>(request.compilerCache().env());
    env.put("PATH", CompilerCache.pathWith(masquerade.get(), path));
    return env;
  }

  /** The environment a target build sees: the cross compiler on the sysroot, fixed time and locale. */
  static Map<String, String> buildEnv(SysrootRequest request, Path sysroot, Path src) {
    String triple = request.triple();
    Libc libc = request.toolchain().libc();
    Map<String, String> env = new LinkedHashMap<>(BuildEnvironment.reproducible(request.epoch()));
    // musl: Debian's compiler through musl's specs in the sysroot (nothing for glibc).
    String flags = libc == Libc.GLIBC ? "--sysroot=" + sysroot : String.join(" ", libc.compilerFlags(sysroot));
    env.put("CC", triple + "-gcc " + flags);
    env.put("CXX", triple + "-g++ " + flags);
    env.put("AR", triple + "-ar");
    env.put("RANLIB", triple + "-ranlib");
    env.put("STRIP", triple + "-strip");
    if (libc == Libc.MUSL) {
      // configure's --host names the musl triple; the binutils keep Debian's names.
      for (String tool : List.of("NM", "OBJDUMP", "READELF", "LD", "OBJCOPY")) {
        env.put(tool, triple + "-" + tool.toLowerCase(java.util.Locale.ROOT));
      }
    }
    env.put("CFLAGS", "-O2 -ffile-prefix-map=" + src + "=. -ffile-prefix-map=" + sysroot + "=/");
    env.put("PKG_CONFIG_SYSROOT_DIR", sysroot.toString());
    env.put("PKG_CONFIG_LIBDIR", sysroot.resolve(libc.libDir(request.toolchain())).resolve("pkgconfig") + ":"
        + sysroot.resolve("usr/share/pkgconfig"));
    env.put("PKG_CONFIG_PATH", null);
    return env;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
