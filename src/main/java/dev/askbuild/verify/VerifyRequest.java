package dev.askbuild.verify;

import dev.askbuild.core.AskBuildException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to verify: the packages directory, its checksum list, optionally a detached signature of the
 * list and the public keyring to check it with (plain file paths: in Jenkins they are credential
 * files, and their contents are never printed). {@code only}, when not empty, names the files to
 * verify; the rest of the directory is left alone.
 *
 * @param pins hashes the board ships, by file name; they outrank the list
 * @param requirePinned a file to verify without a pin is a failure
 * @param elsewhere files read from another path than the packages directory (private tarballs
 *     from credentials or secret mounts), by the name the list and pins give them
 * @param hashMemo where this machine remembers the hashes it computed ({@link RememberedHashes}):
 *     a file unchanged since it was hashed is not read again; empty to hash every file every run
 * @param rehash hash every file even if remembered ({@code --rehash}), and remember the new hashes
 */
public record VerifyRequest(
    Path packages,
    Path sums,
    Optional<Path> signature,
    Optional<Path> keyring,
    boolean strict,
    int threads,
    Set<String> only,
    Map<String, String> pins,
    boolean requirePinned,
    Map<String, Path> elsewhere,
    Optional<Path> hashMemo,
    boolean rehash) {
  public VerifyRequest {
    only = Set.copyOf(only);
    pins = Map.copyOf(pins);
    elsewhere = Map.copyOf(elsewhere);
    Objects.requireNonNull(packages, "packages");
    Objects.requireNonNull(sums, "sums");
    if (signature.isPresent() != keyring.isPresent()) {
      throw AskBuildException.badInput("--signature and --keyring go together: give both or neither");
    }
    if (threads < 1) {
      throw AskBuildException.badInput("threads must be at least 1, got " + threads);
    }
  }

  public VerifyRequest(Path packages, Path sums, Optional<Path> signature, Optional<Path> keyring, boolean strict,
      int threads, Set<String> only) {
    this(packages, sums, signature, keyring, strict, threads, only, Map.of(), false, Map.of(), Optional.empty(), false);
  }

  /** The usual request: {@code DIR/SHA256SUMS}, unsigned, not strict, one thread per core. */
  public static VerifyRequest of(Path packages) {
    return new VerifyRequest(
        packages,
        packages.resolve("SHA256SUMS"),
        Optional.empty(),
        Optional.empty(),
        false,
        Runtime.getRuntime().availableProcessors(),
        Set.of());
  }

  /**
   * The same request limited to the named files, for a stage that reads only those: each must be
   * listed (or pinned) and match, and other files are neither hashed nor reported as unlisted.
   */
  public VerifyRequest limitedTo(Set<String> names) {
    return new VerifyRequest(packages, sums, signature, keyring, strict, threads, names, pins, requirePinned, elsewhere, hashMemo, rehash);
  }

  /** The same request with the board's pins. */
  public VerifyRequest withPins(Map<String, String> newPins, boolean required) {
    return new VerifyRequest(packages, sums, signature, keyring, strict, threads, only, newPins, required, elsewhere, hashMemo, rehash);
  }

  /** The same request reading the named files from other paths. */
  public VerifyRequest withElsewhere(Map<String, Path> files) {
    return new VerifyRequest(packages, sums, signature, keyring, strict, threads, only, pins, requirePinned, files, hashMemo, rehash);
  }

  /** The same request remembering hashes in {@code memo}; {@code again} hashes every file anyway. */
  public VerifyRequest withHashMemo(Path memo, boolean again) {
    return new VerifyRequest(packages, sums, signature, keyring, strict, threads, only, pins, requirePinned, elsewhere,
        Optional.of(memo), again);
  }
}
