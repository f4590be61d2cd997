package dev.askbuild.verify;

import dev.askbuild.core.AskBuildException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to verify: the packages directory, its checksum list, optionally a detached signature of the
 * list and the public keyring to check it with (plain file paths: in Jenkins they are credential
 * files, and their contents are never printed). {@code only}, when not empty, names the files to
 * verify; the rest of the directory is left alone.
 */
public record VerifyRequest(
    Path packages,
    Path sums,
    Optional<Path> signature,
    Optional<Path> keyring,
    boolean strict,
    int threads,
    Set<String> only) {
  public VerifyRequest {
    only = Set.copyOf(only);
    Objects.requireNonNull(packages, "packages");
    Objects.requireNonNull(sums, "sums");
    if (signature.isPresent() != keyring.isPresent()) {
      throw AskBuildException.badInput("--signature and --keyring go together: give both or neither");
    }
    if (threads < 1) {
      throw AskBuildException.badInput("threads must be at least 1, got " + threads);
    }
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
   * listed and match, and other files are neither hashed nor reported as unlisted.
   */
  public VerifyRequest limitedTo(Set<String> names) {
    return new VerifyRequest(packages, sums, signature, keyring, strict, threads, names);
  }
}
