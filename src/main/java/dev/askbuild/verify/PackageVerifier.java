package dev.askbuild.verify;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Sha256;
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

  public VerifyReport verify(VerifyRequest request) throws IOException {
    Path packages = request.packages().toAbsolutePath().normalize();
    if (!Files.isDirectory(packages)) {
      throw AskBuildException.badInput("packages directory " + packages + " does not exist");
    }
    Optional<SignatureCheck> signature = Optional.empty();
    if (request.signature().isPresent()) {
      signature =
          Optional.of(
              new SignatureVerifier()
                  .verify(request.sums(), request.signature().get(), request.keyring().get()));
    }
    ChecksumList list = ChecksumListParser.parse(request.sums());
    if (!request.only().isEmpty()) {
      return verifyOnly(packages, list, request, signature);
    }
    List<FileVerdict> verdicts =
        new ArrayList<>(hashAll(packages, list.entries(), list.source(), request.threads()));
    verdicts.addAll(unlisted(packages, list, request));
    return new VerifyReport(
        request.sums().toString(), verdicts, signature, request.strict());
  }

  /** A needed file the list does not name is a failure: nothing unverified gets extracted. */
  private static VerifyReport verifyOnly(
      Path packages, ChecksumList list, VerifyRequest request, Optional<SignatureCheck> signature)
      throws IOException {
    List<ChecksumEntry> needed =
        list.entries().stream().filter(e -> request.only().contains(e.name())).toList();
    List<FileVerdict> verdicts =
        new ArrayList<>(hashAll(packages, needed, list.source(), request.threads()));
    Set<String> listed = new HashSet<>();
    needed.forEach(e -> listed.add(e.name()));
    request.only().stream()
        .filter(name -> !listed.contains(name))
        .sorted()
        .forEach(name -> verdicts.add(new FileVerdict(name, null, null, Status.UNLISTED)));
    return new VerifyReport(request.sums().toString(), verdicts, signature, true);
  }

  private static List<FileVerdict> hashAll(
      Path packages, List<ChecksumEntry> entries, Path source, int threads) throws IOException {
    List<Path> files = new ArrayList<>();
    for (ChecksumEntry entry : entries) {
      files.add(resolveInside(packages, entry, source));
    }
    // Largest first, so one big tarball does not start last and leave a core idle.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong((Integer i) -> sizeOrZero(files.get(i))).reversed());

    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, files.size())));
    try {
      List<Future<FileVerdict>> futures = new ArrayList<>(files.size());
      for (int i = 0; i < files.size(); i++) {
        futures.add(null);
      }
      for (int i : order) {
        ChecksumEntry entry = entries.get(i);
        Path file = files.get(i);
        futures.set(i, pool.submit(() -> verdictFor(entry, file)));
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

  private static FileVerdict verdictFor(ChecksumEntry entry, Path file) {
    if (!Files.isRegularFile(file)) {
      return new FileVerdict(entry.name(), entry.expected(), null, Status.MISSING);
    }
    String actual = Sha256.ofFileUnchecked(file);
    Status status = actual.equals(entry.expected()) ? Status.OK : Status.MISMATCH;
    return new FileVerdict(entry.name(), entry.expected(), actual, status);
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
          .forEach(name -> result.add(new FileVerdict(name, null, null, Status.UNLISTED)));
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
