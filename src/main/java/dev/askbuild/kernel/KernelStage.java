package dev.askbuild.kernel;

import dev.askbuild.cache.CacheStore;
import dev.askbuild.cache.CompilerCache;
import dev.askbuild.cache.EntryLock;
import dev.askbuild.cache.EntryCheck;
import dev.askbuild.cache.EntryManifest;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Command;
import dev.askbuild.core.DotConfig;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.Heartbeat;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a kernel tarball, a patch series and a config fragment into a prepared tree that
 * out-of-tree modules can be built against. The tree is made in a staging directory beside its cache
 * entry and renamed into place only when every step passed, so a failed or killed run never leaves
 * an entry a later run would trust.
 */
public final class KernelStage {
  private static final String DIR = "kernel";
  /** In an entry rebuilt from another's tree: that entry's id. */
  static final String REBUILT_FROM = "rebuilt-from.txt";
  public static final String PROGRESS_FILE = "kernel-progress.txt";

  private final ProcessRunner runner;
  private final Progress progress;

  /** A stage whose makes run with {@code runner}'s environment (see {@code BuildEnvironment}). */
  public KernelStage(ProcessRunner runner, Progress progress) {
    this.runner = runner;
    this.progress = progress;
  }

  public KernelResult run(KernelRequest request) throws IOException {
    HostTools.ofHost(runner.environment()).require(request.toolchain().crossCompile());
    request.kernelTar().recheck();
    List<String> messages = new ArrayList<>();
    String toolchain = toolchainVersion(request);
    // The hash verification proved; the tarball is re-checked around its extraction below.
    String tarSha = request.kernelTar().sha256();
    CacheKey key = CacheKey.of(request, tarSha, toolchain);
    Path entry = request.cache().toAbsolutePath().resolve(DIR).resolve(key.id());
    Files.createDirectories(request.work());

    Optional<KernelResult> hit = hit(request, entry, key, messages);
    if (hit.isPresent()) {
      return hit.get();
    }
    Files.createDirectories(entry.getParent());
    // One build per missing entry: a concurrent run of the same inputs (another agent on a shared
    // cache) waits here, then finds the entry the first one published.
    try (EntryLock lock = EntryLock.acquire(entry, "kernel", progress)) {
      hit = hit(request, entry, key, messages);
      if (hit.isPresent()) {
        return hit.get();
      }
      say(messages, "kernel: cache miss " + key.id() + ", preparing the tree");
      // Holding the lock, any partial tree of this entry is a dead holder's: none is in progress.
      int abandoned = FileTrees.removeAbandonedStaging(entry, java.time.Duration.ZERO);
      if (abandoned > 0) {
        say(messages, "kernel: removed " + abandoned + " partial tree(s) of killed runs");
      }
      Optional<NearestTree> base = request.incremental()
          ? NearestTree.find(entry.getParent(), key, request.fragment().text())
          : Optional.empty();
      Path staging = FileTrees.stagingSibling(entry);
      Files.createDirectory(staging);
      boolean published = false;
      try {
        KernelManifest manifest = prepare(request, staging, key, tarSha, toolchain, base, messages);
        Files.writeString(staging.resolve(NearestTree.KEY_FILE), key.text(), StandardCharsets.UTF_8);
        KernelSurveyor.keepIn(staging, request.cache(), request.kernelTar(), request.patches(), request.toolchain().arch());
        manifest.write(staging.resolve(KernelManifest.FILE));
        long t0 = System.nanoTime();
        try (Heartbeat beat = Heartbeat.start(progress, "kernel: hashing the entry's files for its manifest", () -> "")) {
          if (base.isPresent() && Files.exists(staging.resolve(REBUILT_FROM))) {
            EntryManifest.writeFromCopy(staging, base.get().entry());
          } else {
            EntryManifest.write(staging);
          }
        }
        say(messages, "kernel: hashed the entry's files for its manifest in " + seconds(t0));
        FileTrees.publish(staging, entry);
        published = true;
        EntryManifest.moveProof(staging, entry);
        say(messages, "kernel: published " + entry);
        return finish(request, entry, manifest, false, messages);
      } finally {
        if (!published) {
          FileTrees.deleteQuietly(staging);
        }
      }
    }
  }

  /**
   * The entry when it is published and still what was published. One whose files changed since is
   * moved aside and deleted (a reader that has it open keeps its files until it is done), then built
   * again; one published before entries had manifests gets one now.
   */
  private Optional<KernelResult> hit(KernelRequest request, Path entry, CacheKey key, List<String> messages)
      throws IOException {
    if (!isValidEntry(entry)) {
      return Optional.empty();
    }
    long t0 = System.nanoTime();
    EntryCheck check;
    // On a machine that has not proved the entry yet (an imported or shared cache) this reads 1-2 GB.
    try (Heartbeat beat = Heartbeat.start(progress, "kernel: checking cache entry " + key.id() + " against its manifest",
        () -> "")) {
      check = EntryCheck.of(entry);
    }
    if (!check.intact()) {
      String line = "kernel: cache entry " + key.id() + " changed after it was published, rebuilding it: "
          + String.join("; ", check.problems());
      progress.warn(line);
      messages.add("warning: " + line);
      EntryCheck.discard(entry);
      return Optional.empty();
    }
    CacheStore.touch(entry);
    KernelManifest manifest = KernelManifest.read(entry.resolve(KernelManifest.FILE));
    say(messages, "kernel: cache hit " + key.id() + " (" + manifest.kernelRelease() + ", " + manifest.build().label()
        + ") at " + entry + "; " + check.describe() + " (" + seconds(t0) + ")");
    return Optional.of(finish(request, entry, manifest, true, messages));
  }

  /** An entry only exists once published by rename, and the manifest was written before that. */
  static boolean isValidEntry(Path entry) {
    return Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
        && Files.isRegularFile(entry.resolve(KernelManifest.FILE))
        && Files.isDirectory(entry.resolve("tree"));
  }

  private KernelManifest prepare(
      KernelRequest request, Path staging, CacheKey key, String tarSha, String toolchain,
      Optional<NearestTree> base, List<String> messages)
      throws IOException {
    Path logs = request.work().toAbsolutePath().resolve("logs");
    Files.createDirectories(logs);
    Path log = logs.resolve("kernel-make.log");
    Files.deleteIfExists(log);
    Path tree = staging.resolve("tree");
    Optional<NearestTree> from = base.isPresent() && copy(base.get(), tree, log, messages) ? base : Optional.empty();
    if (from.isEmpty()) {
      long t0 = System.nanoTime();
      new SafeExtractor().extract(request.kernelTar(), ExtractRequest.of(request.kernelTar().file(), tree)
          .withStripComponents(1), progress, "kernel: extracting " + request.kernelTar().name());
      say(messages, "kernel: extracted " + request.kernelTar().name() + " in " + seconds(t0));
      if (!Files.isRegularFile(tree.resolve("Makefile")) || !Files.isRegularFile(tree.resolve("Kconfig"))) {
        throw AskBuildException.badInput(
            "kernel tarball " + request.kernelTar().path() + " has no top-level Makefile and Kconfig after dropping its first directory");
      }
      if (!request.patches().patches().isEmpty()) {
        new PatchApplier(runner).apply(
            request.patches().patches().stream().map(PatchSeries.Patch::path).toList(), tree, "kernel", logs);
        say(messages, "kernel: applied " + request.patches().patches().size() + " patch(es) from " + request.patches().dir().orElseThrow());
      }
    } else {
      Files.writeString(staging.resolve(REBUILT_FROM), from.get().id() + "\n", StandardCharsets.UTF_8);
    }
    long epoch =
        request.epoch().isPresent()
            ? request.epoch().getAsLong()
            : Files.getLastModifiedTime(tree.resolve("Makefile")).toMillis() / 1000;
    KernelMake make = new KernelMake(tree, request.toolchain().arch(), request.toolchain().crossCompile(), epoch,
        request.jobs(), compilerEnv(request, messages));

    if (request.baseConfig().target().isPresent()) {
      runner.runChecked(make.make(request.baseConfig().target().get()), log, "kernel base config " + request.baseConfig().describe());
    } else {
      Files.copy(request.baseConfig().file().get(), tree.resolve(".config"), StandardCopyOption.REPLACE_EXISTING);
    }

    FragmentFilter filtered = filter(request, tree, messages);
    Path fragmentFile = staging.resolve(NearestTree.FRAGMENT_FILE);
    Files.writeString(fragmentFile, request.fragment().render(filtered.kept()), StandardCharsets.UTF_8);
    runner.runChecked(
        make.script("scripts/kconfig/merge_config.sh", "-m", ".config", fragmentFile.toString()),
        log,
        "merging the config fragment");
    // Unknown symbols are errors once the fragment is filtered: they can then only come from the
    // base config. Unfiltered runs only warn, so the verification below can report them instead.
    Map<String, String> kconfigEnv =
        request.filter()
            ? Map.of("KCONFIG_WARN_UNKNOWN_SYMBOLS", "1", "KCONFIG_WERROR", "1")
            : Map.of("KCONFIG_WARN_UNKNOWN_SYMBOLS", "1");
    runner.runChecked(make.make(kconfigEnv, "olddefconfig"), log, "kernel olddefconfig");
    DotConfig dotConfig = DotConfig.parse(Files.readString(tree.resolve(".config"), StandardCharsets.ISO_8859_1));
    ConfigVerifier.requireHonoured(filtered.kept(), dotConfig);
    say(messages, "kernel: resolved .config honours all " + filtered.kept().size() + " fragment settings");

    Built built = build(request, make, tree, key, dotConfig, log, from, messages);
    built.write(staging.resolve(Built.FILE));
    KernelBuildMode build = built.mode();
    String release = kernelRelease(make, tree);
    Path symvers = tree.resolve("Module.symvers");
    return new KernelManifest(
        key.id(),
        release,
        request.kernelTar().name(),
        tarSha,
        request.fragment().source(),
        Sha256.ofString(request.fragment().text()),
        request.baseConfig().describe(),
        request.patches().patches().stream().map(p -> new KernelManifest.PatchEntry(p.name(), p.sha256())).toList(),
        filtered.dropped(),
        request.filter(),
        toolchain,
        build,
        epoch,
        Sha256.ofFile(tree.resolve(".config")),
        build == KernelBuildMode.FULL ? Sha256.ofFile(symvers) : "");
  }

  /**
   * How far the tree was taken, the objects its make built and how long that took; kept as {@code
   * kernel-build.json} beside the manifest (a file of its own, so entries stay readable by earlier
   * versions that share the cache).
   */
  record Built(KernelBuildMode mode, int objects, long millis) {
    static final String FILE = "kernel-build.json";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    void write(Path file) throws IOException {
      JSON.writeValue(file.toFile(), this);
    }

    /** An entry published before the figures were kept has none: zero objects, zero time. */
    static Built read(Path entry, KernelBuildMode mode) throws IOException {
      Path file = entry.resolve(FILE);
      return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), Built.class) : new Built(mode, 0, 0);
    }
  }

  /**
   * The cross compiler through ccache (see {@link CompilerCache}): links named like it first on
   * PATH. The tree's bytes do not depend on it, so the entry's key does not either.
   */
  private Map<String, String> compilerEnv(KernelRequest request, List<String> messages) throws IOException {
    String path = runner.environment().getOrDefault("PATH", "/usr/bin:/bin");
    CompilerCache ccache = request.compilerCache();
    java.util.Optional<Path> masquerade =
        ccache.masquerade(request.work().toAbsolutePath().resolve("ccache-bin"), request.toolchain().crossCompile(), path);
    if (masquerade.isEmpty()) {
      if (ccache.enabled()) {
        progress.warn("kernel: ccache is not installed (apt-get install ccache): compiling without the compiler cache");
        messages.add("warning: kernel: ccache is not installed: compiling without the compiler cache");
      }
      return Map.of();
    }
    Map<String, String> env = new java.util.TreeMap<>(ccache.env());
    env.put("PATH", CompilerCache.pathWith(masquerade.get(), path));
    say(messages, "kernel: compiler cache " + ccache.dir() + " (max " + ccache.maxSize() + ")");
    return env;
  }

  private FragmentFilter filter(KernelRequest request, Path tree, List<String> messages) throws IOException {
    if (!request.filter()) {
      say(messages, "kernel: fragment filtering off (--no-filter)");
      return FragmentFilter.unfiltered(request.fragment());
    }
    long t0 = System.nanoTime();
    Set<String> declared = KconfigScanner.declaredSymbols(tree, request.toolchain().arch());
    FragmentFilter filtered = FragmentFilter.filter(request.fragment(), declared);
    say(messages, "kernel: scanned Kconfig files (" + declared.size() + " symbols) in " + seconds(t0));
    for (String symbol : filtered.dropped()) {
      progress.warn("kernel: dropped " + symbol + ": not declared by any Kconfig file of this tree");
      messages.add("warning: kernel: dropped " + symbol + ": not declared by any Kconfig file of this tree");
    }
    return filtered;
  }

  private Built build(
      KernelRequest request, KernelMake make, Path tree, CacheKey key, DotConfig dotConfig, Path log,
      Optional<NearestTree> from, List<String> messages)
      throws IOException {
    if (request.configOnly()) {
      return new Built(KernelBuildMode.CONFIG_ONLY, 0, 0);
    }
    boolean modversions = dotConfig.value("CONFIG_MODVERSIONS").orElse("").equals("y");
    boolean full = request.fullBuild().wanted(modversions);
    KernelBuildMode mode = full ? KernelBuildMode.FULL : KernelBuildMode.PREPARE;
    String label = full ? "full build" : "modules_prepare";
    String configText = Files.readString(tree.resolve(".config"), StandardCharsets.ISO_8859_1);
    String configSha = Sha256.ofString(configText);
    int enabled = BuildHistory.enabled(configText);
    // The history is per tree and build mode: modules_prepare builds a fraction of a full build.
    String treeKey = BuildHistory.treeKey(key.text() + "mode " + mode.label() + "\n");
    BuildHistory history = new BuildHistory(request.cache().toAbsolutePath());
    ObjectEstimate expected = from.isPresent() ? incremental(from.get()) : history.expect(treeKey, configSha, enabled);
    say(messages, "kernel: " + label + ", expecting " + (expected.exact() ? "" : "about ") + expected.objects()
        + " objects (from " + expected.source() + "); live log: " + log);
    long t0 = System.nanoTime();
    int objects;
    List<String> record;
    try (BuildProgress watcher = BuildProgress.watch(log, "kernel: " + label, expected, progress)) {
      runner.runChecked(full ? make.make(kernelImage(request.toolchain().arch()), "modules") : make.make("modules_prepare"),
          log, full ? "kernel build" : "kernel modules_prepare");
      objects = watcher.finish();
      record = new ArrayList<>(watcher.milestones());
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    if (from.isEmpty()) {
      // Only a build from nothing says how many objects the next one from nothing will build.
      history.record(treeKey, configSha, enabled, objects, millis);
    }
    if (!full) {
      say(messages, "kernel: modules_prepare done in " + seconds(t0) + ", " + objects + " objects");
      record.add(messages.get(messages.size() - 1));
      writeProgress(tree.getParent(), record);
      return new Built(mode, objects, millis);
    }
    Path symvers = tree.resolve("Module.symvers");
    if (!Files.isRegularFile(symvers) || Files.size(symvers) == 0) {
      throw AskBuildException.checkFailed(
          "kernel build finished but " + symvers + " is missing or empty; modules built against this tree would have no symbol CRCs (log: " + log + ")");
    }
    say(messages, "kernel: full build done in " + seconds(t0) + ", " + objects + " objects, Module.symvers "
        + Files.size(symvers) + " bytes");
    record.add(messages.get(messages.size() - 1));
    writeProgress(tree.getParent(), record);
    return new Built(mode, objects, millis);
  }

  /**
   * The progress a log showed during the make (its milestones, then the line it ended on), kept in
   * the entry as {@value #PROGRESS_FILE}: whoever hits the entry later, on this agent or another,
   * can see how its build went and what it cost.
   */
  private static void writeProgress(Path staging, List<String> lines) throws IOException {
    Files.write(staging.resolve(PROGRESS_FILE), lines, StandardCharsets.UTF_8);
  }

  /**
   * Copies the base's tree with its timestamps (make decides from them what is up to date) as a
   * real copy: gcc truncates and rewrites its outputs in place, so hard links would write into
   * the published base. A copy that fails (a base pruned meanwhile) falls back to a cold build.
   */
  private boolean copy(NearestTree base, Path tree, Path log, List<String> messages) throws IOException {
    long t0 = System.nanoTime();
    CacheStore.touch(base.entry()); // in use: prune keeps it while it is read
    try (Heartbeat beat = Heartbeat.start(progress, "kernel: copying the tree of cache entry " + base.id(), () -> "")) {
      runner.runChecked(Command.of(tree.getParent(), "cp", "-a", "--reflink=auto", base.tree().toString(), tree.toString()),
          log, "copying the tree of cache entry " + base.id());
    } catch (AskBuildException e) {
      progress.warn("kernel: could not copy the tree of " + base.id() + ", building from the tarball instead: " + e.getMessage());
      messages.add("warning: kernel: could not copy the tree of " + base.id() + ": " + e.getMessage());
      FileTrees.deleteQuietly(tree);
      return false;
    }
    // The "#N" of the version string counts the links made in a tree (scripts/build-version keeps
    // it in .version): without the base's count the rebuild says #1, as a build from the tarball
    // does. (KBUILD_BUILD_VERSION would pin it, but also the "#" version.o is built with first,
    // which changes the bytes of every build from the tarball.)
    Files.deleteIfExists(tree.resolve(".version"));
    say(messages, "kernel: rebuilding incrementally from cache entry " + base.id() + " (same tarball, patches and"
        + " toolchain; " + base.distance() + " fragment or base-config line(s) differ), its tree copied in " + seconds(t0));
    return true;
  }

  /** An incremental make builds what the changed options reach: at most what the base's build did. */
  private static ObjectEstimate incremental(NearestTree base) throws IOException {
    int objects = Built.read(base.entry(), KernelBuildMode.FULL).objects();
    return new ObjectEstimate(Math.max(1, objects), false,
        "an incremental rebuild of " + base.id() + ": at most the " + objects + " objects of its build, usually far fewer");
  }

  private static String kernelImage(String arch) {
    // The boot image target differs by architecture; arm64 is the one ASK boards use.
    return arch.equals("arm64") ? "Image" : "all";
  }

  private String kernelRelease(KernelMake make, Path tree) throws IOException {
    Path file = tree.resolve("include/config/kernel.release");
    if (Files.isRegularFile(file)) {
      return Files.readString(file).strip();
    }
    // Config-only runs stop before prepare writes the file; make can still compute it.
    return runner.capture(make.make("-s", "kernelrelease")).strip();
  }

  private String toolchainVersion(KernelRequest request) throws IOException {
    String out = runner.capture(Command.of(Path.of("/"), request.toolchain().tool("gcc"), "--version"));
    return out.lines().findFirst().orElse("").strip();
  }

  private KernelResult finish(
      KernelRequest request, Path entry, KernelManifest manifest, boolean hit, List<String> messages)
      throws IOException {
    Path work = request.work().toAbsolutePath();
    Path manifestCopy = work.resolve(KernelManifest.FILE);
    Files.copy(entry.resolve(KernelManifest.FILE), manifestCopy, StandardCopyOption.REPLACE_EXISTING);
    Path link = work.resolve("linux");
    if (Files.isSymbolicLink(link)) {
      Files.delete(link);
    }
    if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(link, entry.resolve("tree"));
    }
    Built built = Built.read(entry, manifest.build());
    return new KernelResult(entry.resolve("tree").toString(), manifestCopy.toString(), manifest, hit, built.objects(),
        built.millis(), messages);
  }

  private void say(List<String> messages, String line) {
    messages.add(line);
    progress.info(line);
  }

  private static String seconds(long startNanos) {
    return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }
}
