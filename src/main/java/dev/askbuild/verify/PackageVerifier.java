package dev.askbuild.verify;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.FileIdentity;
import dev.askbuild.core.Messages;
import dev.askbuild.core.Progress;
import dev.askbuild.core.Sha256;
import dev.askbuild.core.TrustedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The verify stage: proves the vendored tarballs genuine before anything is extracted. The list's
 * signature (when given) is checked first, then every listed file is hashed, several at a time.
 */
public final class PackageVerifier {
  private final Progress progress;

  public PackageVerifier(Progress progress) {
    this.progress = progress;
  }

  /** Proves the files and reports each, then the summary line ({@link #summary}). */
  public VerifyReport run(VerifyRequest request) throws IOException {
    VerifyReport report = prove(request);
    progress.info(summary(report));
    return report;
  }

  /** "verify: passed, N file(s) proven, 0 failure(s)", or FAILED. */
  public static String summary(VerifyReport report) {
    return "verify: " + (report.passed() ? "passed" : "FAILED") + ", " + report.count(Status.OK)
        + " file(s) proven, " + report.failures().size() + " failure(s)";
  }

  /**
   * Proves the files and reports each, without the summary line: a run that checks more of what it
   * proved (a board run checks the kernel tarball's version) says "passed" only once all of it did.
   */
  public VerifyReport prove(VerifyRequest request) throws IOException {
    Messages messages = new Messages(progress);
    Path packages = request.packages().toAbsolutePath().normalize();
    if (!Files.isDirectory(packages)) {
      throw AskBuildException.badInput("--packages " + packages + (Files.exists(packages)
          ? " is not a directory" : " does not exist"));
    }
    SignatureCheck signature = null;
    if (request.signature().isPresent()) {
      signature = new SignatureVerifier().verify(request.sums(), request.signature().get(), request.keyring().get());
      messages.info("verify: good signature on " + request.sums().getFileName() + " by key " + signature.keyId());
    }
    ChecksumList list = readList(request);
    List<ChecksumEntry> entries = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (ChecksumEntry entry : list.entries()) {
      listed.add(entry.name());
      if (request.only().isEmpty() || request.only().contains(entry.name())) {
        entries.add(entry);
      }
    }
    // A file the stage reads that the list lacks but the board pins is proven by its pin alone.
    Set<String> wanted = new TreeSet<>(request.only().isEmpty() ? request.pins().keySet() : request.only());
    for (String name : wanted) {
      if (!listed.contains(name) && request.pins().containsKey(name)) {
        entries.add(new ChecksumEntry(0, request.pins().get(name), name));
      }
    }
    Optional<RememberedHashes> memo = request.hashMemo().map(RememberedHashes::at);
    Set<String> remembered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<FileVerdict> verdicts = new ArrayList<>(hashAll(packages, entries, list.source(), request, memo, remembered));
    if (memo.isPresent()) {
      memo.get().save();
    }
    Set<String> checked = new HashSet<>();
    entries.forEach(e -> checked.add(e.name()));
    if (request.only().isEmpty()) {
      verdicts.addAll(unlisted(packages, list, request));
    } else {
      // A needed file nobody vouches for is a failure: nothing unverified gets extracted.
      // Its hash is given with the verdict (not trusted: only shown), so the message can say which
      // line to add to the list after checking the file against a source one trusts.
      for (String name : request.only().stream().filter(n -> !checked.contains(n)).sorted().toList()) {
        Path file = request.elsewhere().getOrDefault(name, packages.resolve(name));
        String seen = Files.isRegularFile(file) ? dev.askbuild.core.Sha256.ofFile(file) : null;
        verdicts.add(FileVerdict.of(name, null, seen, Status.UNLISTED).listedIn(list.source()));
      }
    }
    VerifyReport report = new VerifyReport(list.source().toString(), verdicts, signature,
        request.strict() || !request.only().isEmpty(), List.of());
    for (FileVerdict v : report.verdicts()) {
      String pin = v.pinned() ? " (pinned)" : "";
      if (report.isFailure(v)) {
        messages.error("verify: " + v.describe());
      } else if (v.status() == Status.UNLISTED) {
        messages.warn("verify: unlisted " + v.file() + " (not read by any stage; --strict makes this a failure)");
      } else {
        // Say what a remembered hash trusts, so a log shows which files were not read this run.
        String how = remembered.contains(v.file()) ? ", hash remembered (file unchanged since this machine hashed it;"
            + " --rehash reads it again)" : "";
        messages.info("verify: ok " + v.file() + " " + v.actual() + pin + how);
      }
    }
    return new VerifyReport(report.sums(), report.verdicts(), signature, report.strict(), messages.lines());
  }

  /** The list, or an empty one when every file to verify is pinned; a missing list says how to make one. */
  private static ChecksumList readList(VerifyRequest request) throws IOException {
    if (Files.exists(request.sums())) {
      return ChecksumListParser.parse(request.sums());
    }
    boolean allPinned = !request.only().isEmpty() && request.pins().keySet().containsAll(request.only());
    if (allPinned) {
      return new ChecksumList(request.sums().toAbsolutePath(), List.of());
    }
    throw AskBuildException.badInput("checksum list " + request.sums() + " does not exist; make one in the packages"
        + " directory with `sha256sum *.tar.* > SHA256SUMS` (from a source you trust), or name another with --sums");
  }

  private static List<FileVerdict> hashAll(
      Path packages, List<ChecksumEntry> entries, Path source, VerifyRequest request, Optional<RememberedHashes> memo,
      Set<String> remembered) throws IOException {
    List<Path> files = new ArrayList<>();
    for (ChecksumEntry entry : entries) {
      Path elsewhere = request.elsewhere().get(entry.name());
      files.add(elsewhere != null ? elsewhere.toAbsolutePath() : resolveInside(packages, entry, source));
    }
    // Largest first, so one big tarball does not start last and leave a core idle.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong((Integer i) -> sizeOrZero(files.get(i))).reversed());

    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(request.threads(), files.size())));
    try {
      List<Future<FileVerdict>> futures = new ArrayList<>(files.size());
      for (int i = 0; i < files.size(); i++) {
        futures.add(null);
      }
      for (int i : order) {
        ChecksumEntry entry = entries.get(i);
        Path file = files.get(i);
        futures.set(i, pool.submit(() -> verdictFor(entry, file, request, memo, remembered)));
      }
      List<FileVerdict> verdicts = new ArrayList<>(files.size());
      for (Future<FileVerdict> future : futures) {
        verdicts.add(join(future));
      }
      return verdicts;
    } finally {
      pool.shutdownNow();
    }
  }

  private static FileVerdict verdictFor(ChecksumEntry entry, Path file, VerifyRequest request,
      Optional<RememberedHashes> memo, Set<String> remembered) throws IOException {
    String pin = request.pins().get(entry.name());
    String expected = pin != null ? pin : entry.expected();
    if (pin != null && !pin.equals(entry.expected())) {
      return new FileVerdict(entry.name(), pin, entry.expected(), Status.LIST_CONFLICT, true, null);
    }
    if (pin == null && request.requirePinned()) {
      return new FileVerdict(entry.name(), null, null, Status.UNPINNED, false, null);
    }
    if (!Files.isRegularFile(file)) {
      return new FileVerdict(entry.name(), expected, null, Status.MISSING, pin != null, null);
    }
    TrustedFile.Stamp before = TrustedFile.Stamp.of(file);
    String actual = memo.isEmpty() ? Sha256.ofFile(file) : rememberedOrHashed(file, expected, request, memo.get(),
        () -> remembered.add(entry.name()));
    if (!actual.equals(expected)) {
      return new FileVerdict(entry.name(), expected, actual, Status.MISMATCH, pin != null, null);
    }
    return new FileVerdict(entry.name(), expected, actual, Status.OK, pin != null,
        TrustedFile.stamped(entry.name(), file, actual, before));
  }

  /**
   * The remembered hash when it is the expected one and the file is unchanged since; otherwise the
   * file is read (a memo can spare a read, never make a file fail or pass that its bytes would not).
   */
  private static String rememberedOrHashed(Path file, String expected, VerifyRequest request, RememberedHashes memo,
      Runnable onRemembered) throws IOException {
    Path real = file.toRealPath();
    FileIdentity before = FileIdentity.of(real);
    if (!request.rehash() && memo.sha256(real, before).filter(expected::equals).isPresent()) {
      onRemembered.run();
      return expected;
    }
    java.time.Instant start = java.time.Instant.now();
    String actual = Sha256.ofFile(real);
    memo.learn(real, before, FileIdentity.of(real), actual,
        start.getEpochSecond() * 1_000_000_000L + start.getNano());
    return actual;
  }

  private static FileVerdict join(Future<FileVerdict> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while hashing");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e.getCause());
    }
  }

  /** A listed file must be inside the directory, also after following links. */
  private static Path resolveInside(Path packages, ChecksumEntry entry, Path sums)
      throws IOException {
    Path file = packages.resolve(entry.name()).normalize();
    if (!file.startsWith(packages)) {
      throw AskBuildException.badInput(
          sums + ":" + entry.line() + ": '" + entry.name() + "' leaves the packages directory");
    }
    if (Files.exists(file) && !file.toRealPath().startsWith(packages.toRealPath())) {
      throw AskBuildException.badInput(
          sums
              + ":"
              + entry.line()
              + ": '"
              + entry.name()
              + "' is a link to "
              + file.toRealPath()
              + ", outside the packages directory");
    }
    return file;
  }

  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static List<FileVerdict> unlisted(
      Path packages, ChecksumList list, VerifyRequest request) throws IOException {
    Set<Path> known = new HashSet<>();
    for (ChecksumEntry entry : list.entries()) {
      known.add(packages.resolve(entry.name()).normalize());
    }
    known.add(request.sums().toAbsolutePath().normalize());
    request.signature().ifPresent(s -> known.add(s.toAbsolutePath().normalize()));
    request.keyring().ifPresent(k -> known.add(k.toAbsolutePath().normalize()));
    List<FileVerdict> result = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(packages)) {
      walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
          .filter(p -> !known.contains(p))
          .filter(p -> !isSignatureOfList(p, request.sums()))
          .map(p -> packages.relativize(p).toString())
          .sorted()
          .forEach(name -> result.add(FileVerdict.of(name, null, null, Status.UNLISTED)));
    }
    return result;
  }

  /** {@code SHA256SUMS.asc}, {@code .sig} and {@code .gpg} belong to the list, not the packages. */
  private static boolean isSignatureOfList(Path file, Path sums) {
    String name = file.getFileName().toString();
    String base = sums.getFileName().toString();
    return name.equals(base + ".asc") || name.equals(base + ".sig") || name.equals(base + ".gpg");
  }
}
