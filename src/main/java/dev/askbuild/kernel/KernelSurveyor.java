package dev.askbuild.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.cache.EntryManifest;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.PatchApplier;
import dev.askbuild.core.Heartbeat;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.core.Sha256;
import dev.askbuild.core.TrustedFile;
import dev.askbuild.extract.ArchiveScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes a {@link KernelSurvey} of a verified kernel tarball with the board's patch series: one
 * streaming pass collects every path, the Kconfig symbols and the exported symbols of the files the
 * series leaves alone, and writes out only the files it touches; the series is then applied to those
 * (dry run first, as the kernel stage applies it) and they are read again as patched. A series that
 * does not apply fails here, naming the patch and the files, before the sysroot and the kernel build.
 * The survey depends only on the tarball's and the patches' bytes, so it is kept in the cache by
 * their hashes and a warm run reads it back instead of streaming 1.5 GB again.
 */
public final class KernelSurveyor {
  private static final String CACHE_FORMAT = "askbuild kernel survey v1";
  /** Sources bigger than this are not read for exports (none in 6.12 comes near it). */
  private static final long MAX_SCANNED = 16L << 20;

  private final ProcessRunner runner;
  private final Progress progress;

  public KernelSurveyor(ProcessRunner runner) {
    this(runner, Progress.SILENT);
  }

  /** {@code progress} hears how far a survey that is not cached is (it reads the whole tarball). */
  public KernelSurveyor(ProcessRunner runner, Progress progress) {
    this.runner = runner;
    this.progress = progress;
  }

  /**
   * @param work a directory of this run's for the touched files and the patch logs
   * @param cache the engine's cache, where surveys are kept by their inputs' hashes
   */
  public KernelSurvey survey(TrustedFile tarball, PatchSeries series, String arch, Path work, Path cache)
      throws IOException {
    String key = key(tarball, series, arch);
    Path entry = cache.toAbsolutePath().resolve("kernel-survey").resolve(key + ".json");
    ObjectMapper json = new ObjectMapper();
    if (!Files.isRegularFile(entry)) {
      fromKernelEntry(cache, key).ifPresent(copy -> copyInto(copy, entry));
    }
    if (Files.isRegularFile(entry)) {
      KernelSurvey kept = json.readValue(entry.toFile(), KernelSurvey.class);
      return kept.withMessages(List.of("verify: kernel survey " + key + " of " + tarball.name() + " (Linux "
          + kept.version() + ") from the cache: " + kept.paths().size() + " paths; "
          + (series.patches().isEmpty() ? "no patch series" : "patch series (" + series.patches().size()
              + " patch(es), " + kept.patched().size() + " files) applies")));
    }
    long t0 = System.nanoTime();
    Set<String> touched = new HashSet<>();
    for (PatchSeries.Patch patch : series.patches()) {
      touched.addAll(PatchTargets.of(patch.path()));
    }
    Path tree = work.toAbsolutePath().resolve("tree");
    Path logs = Files.createDirectories(work.toAbsolutePath().resolve("logs"));
    FileTrees.deleteRecursively(tree);
    Files.createDirectories(tree);

    Set<String> paths = new HashSet<>();
    Set<String> symbols = new HashSet<>();
    Set<String> exports = new HashSet<>();
    String[] makefile = {null};
    AtomicLong scanned = new AtomicLong();
    try (Heartbeat beat = Heartbeat.start(progress, "verify: surveying " + tarball.name(), () -> scanned.get() + " paths")) {
      scan(tarball, touched, tree, arch, paths, symbols, exports, makefile, scanned);
    }
    tarball.recheck();
    if (makefile[0] == null && touched.contains("Makefile") && Files.isRegularFile(tree.resolve("Makefile"))) {
      makefile[0] = Files.readString(tree.resolve("Makefile"), StandardCharsets.ISO_8859_1); // as shipped
    }
    if (makefile[0] == null) {
      throw AskBuildException.badInput(tarball.name() + " has no top-level Makefile after its first directory;"
          + " it is not a Linux source tarball");
    }
    String version = KernelVersion.parse(tarball.name(), makefile[0]).toString();

    if (!series.patches().isEmpty()) {
      try {
        new PatchApplier(runner).apply(series.patches().stream().map(PatchSeries.Patch::path).toList(), tree,
            "kernel", logs);
      } catch (AskBuildException e) {
        throw new AskBuildException(e.exitCode(), "kernel tarball " + tarball.name() + " (Linux " + version
            + "): " + e.getMessage(), e);
      }
    }
    for (String p : touched) {
      Path patchedFile = tree.resolve(p);
      if (!Files.isRegularFile(patchedFile)) {
        paths.remove(p); // deleted by the series, or never there
        continue;
      }
      addWithParents(paths, p);
      if (isKconfig(p) && !KconfigScanner.otherArch(p, arch)) {
        symbols.addAll(KconfigScanner.symbolsInText(Files.readString(patchedFile, StandardCharsets.ISO_8859_1)));
      } else if (isSource(p)) {
        ExportScanner.exportsIn(Files.readString(patchedFile, StandardCharsets.ISO_8859_1), exports);
      }
    }
    FileTrees.deleteRecursively(tree);

    KernelSurvey survey = new KernelSurvey(tarball.name(), version, paths, symbols, exports, touched, List.of());
    Files.createDirectories(entry.getParent());
    // The survey cache is shared: a run surveying the same tarball at the same moment writes its own
    // temporary file, and whichever rename comes last leaves the same survey.
    Path tmp = entry.resolveSibling("." + entry.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
    json.writeValue(tmp.toFile(), survey);
    Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    List<String> messages = new ArrayList<>();
    messages.add(String.format(java.util.Locale.ROOT,
        "verify: surveyed %s (Linux %s) in %.1f s: %d paths, %d config symbols, %d exported symbols; %s",
        tarball.name(), version, (System.nanoTime() - t0) / 1e9, paths.size(), symbols.size(), exports.size(),
        series.patches().isEmpty() ? "no patch series"
            : "patch series (" + series.patches().size() + " patch(es), " + touched.size() + " files) applies"));
    return survey.withMessages(messages);
  }

  static String key(TrustedFile tarball, PatchSeries series, String arch) {
    return Sha256.ofString(CACHE_FORMAT + "\ntarball " + tarball.sha256() + "\narch " + arch + "\npatches\n"
        + series.identity()).substring(0, 24);
  }

  /** The name a kernel entry keeps the survey of its own inputs under. */
  static String fileInEntry(String key) {
    return "kernel-survey-" + key + ".json";
  }

  /**
   * Puts the survey of the tree's inputs, when this cache has one, into a kernel entry being made:
   * an entry exported to another agent's cache then brings it along, and that agent's verify
   * does not read the whole tarball again to learn what the tree already is.
   */
  static void keepIn(Path staging, Path cache, TrustedFile tarball, PatchSeries series, String arch) throws IOException {
    String key = key(tarball, series, arch);
    Path survey = cache.toAbsolutePath().resolve("kernel-survey").resolve(key + ".json");
    if (Files.isRegularFile(survey)) {
      Files.copy(survey, staging.resolve(fileInEntry(key)));
    }
  }

  /**
   * A published kernel entry's copy of the survey, if one has it and the copy is what its manifest
   * says (the rest of the entry is checked when the kernel stage hits it).
   */
  private static java.util.Optional<Path> fromKernelEntry(Path cache, String key) throws IOException {
    Path kernels = cache.toAbsolutePath().resolve("kernel");
    if (!Files.isDirectory(kernels)) {
      return java.util.Optional.empty();
    }
    String name = fileInEntry(key);
    try (java.util.stream.Stream<Path> entries = Files.list(kernels)) {
      for (Path dir : entries.filter(d -> !d.getFileName().toString().startsWith(".")).sorted().toList()) {
        if (Files.isRegularFile(dir.resolve(name)) && EntryManifest.holds(dir, name)) {
          return java.util.Optional.of(dir.resolve(name));
        }
      }
    }
    return java.util.Optional.empty();
  }

  private static void copyInto(Path copy, Path entry) {
    try {
      Files.createDirectories(entry.getParent());
      Path tmp = entry.resolveSibling("." + entry.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
      Files.copy(copy, tmp);
      Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Without the copy the survey is made from the tarball, as on a cache that never had it.
    }
  }

  /** One streaming pass over the tarball: what the survey collects, and the touched files written out. */
  private static void scan(TrustedFile tarball, Set<String> touched, Path tree, String arch, Set<String> paths,
      Set<String> symbols, Set<String> exports, String[] makefile, AtomicLong scanned) throws IOException {
    new ArchiveScanner().scan(tarball.recheck(), 1, (path, file, size, content) -> {
      scanned.incrementAndGet();
      String p = trimmed(path);
      addWithParents(paths, p);
      if (!file) {
        return true;
      }
      if (touched.contains(p)) {
        copyInto(tree, p, content);
      } else if (p.equals("Makefile")) {
        makefile[0] = text(content, size);
      } else if (isKconfig(p) && !KconfigScanner.otherArch(p, arch)) {
        symbols.addAll(KconfigScanner.symbolsInText(text(content, size)));
      } else if (isSource(p) && size <= MAX_SCANNED && !KconfigScanner.otherArch(p, arch)) {
        ExportScanner.exportsIn(text(content, size), exports);
      }
      return true;
    });
  }

  private static String trimmed(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static void addWithParents(Set<String> paths, String path) {
    String p = path;
    while (!p.isEmpty() && paths.add(p)) {
      int slash = p.lastIndexOf('/');
      p = slash < 0 ? "" : p.substring(0, slash);
    }
  }

  private static boolean isKconfig(String path) {
    return path.substring(path.lastIndexOf('/') + 1).startsWith("Kconfig");
  }

  private static boolean isSource(String path) {
    return path.endsWith(".c") || path.endsWith(".h");
  }

  private static String text(InputStream content, long size) throws IOException {
    return new String(content.readNBytes((int) Math.min(size, Integer.MAX_VALUE - 8)), StandardCharsets.ISO_8859_1);
  }

  /** Writes one touched file below {@code tree}; its path came from both the patch and the tarball. */
  private static void copyInto(Path tree, String path, InputStream content) throws IOException {
    Path dest = tree.resolve(path).normalize();
    if (!dest.startsWith(tree)) {
      throw AskBuildException.badInput("kernel tarball entry '" + path + "' leaves the tree");
    }
    Files.createDirectories(dest.getParent());
    Files.copy(content, dest, StandardCopyOption.REPLACE_EXISTING);
  }
}
