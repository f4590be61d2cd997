package dev.askbuild.job;

import dev.askbuild.compile.Target;
import dev.askbuild.core.Libc;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One board run as every front end states it (the CLI's options, a Jenkins step's parameters, the
 * container build's arguments): the engine turns it into stage requests in one place, {@link
 * StageRequests}.
 *
 * @param packages the vendored tarballs and {@code SHA256SUMS}; empty for a board whose inputs
 *     ask-build generates
 * @param privateFiles tarballs read from another path (credential files, secret mounts), by the
 *     file name the board and the list give them
 * @param kernelTar a kernel tarball to use instead of the board's, read from its path under its own
 *     file name (which the list or a pin must vouch for)
 * @param components the components to build (with what they are built against); empty for all of
 *     the target's
 * @param libc the C library userspace is built against; empty for the board's own ({@code glibc}
 *     unless the board says otherwise)
 * @param kernelSha256 the kernel tarball's SHA-256 given on the command line ({@code --kernel-sha256}),
 *     which proves it as a board's pin does, for a {@code --kernel-tar} no list names
 * @param boardDir a board directory of the built-in boards' layout to read the board from instead
 *     of the jar or {@code ASKBUILD_BOARD_PATH} ({@code --board-dir}); {@code board} is its name
 * @param rehash verify reads every tarball, even one this machine hashed before and that is
 *     unchanged since ({@code --rehash}); otherwise such a file's remembered hash stands
 */
public record JobRequest(
    String board,
    Optional<Path> packages,
    Map<String, Path> privateFiles,
    Optional<Path> kernelTar,
    Path out,
    Path cache,
    long epoch,
    Optional<Path> signature,
    Optional<Path> keyring,
    boolean strict,
    boolean requirePinned,
    Target target,
    Set<String> components,
    int jobs,
    Optional<Libc> libc,
    Optional<Path> boardDir,
    Optional<String> kernelSha256,
    boolean rehash) {
  /** {@code SOURCE_DATE_EPOCH} when none is given: 2024-05-01, one fixed value for every stage. */
  public static final long DEFAULT_EPOCH = 1714521600L;

  public JobRequest {
    Objects.requireNonNull(board, "board");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(cache, "cache");
    privateFiles = Map.copyOf(privateFiles);
    components = Set.copyOf(components);
    out = out.toAbsolutePath().normalize();
    cache = cache.toAbsolutePath().normalize();
    packages = packages.map(p -> p.toAbsolutePath().normalize());
    kernelTar = kernelTar.map(p -> p.toAbsolutePath().normalize());
    Objects.requireNonNull(libc, "libc");
    boardDir = boardDir.map(p -> p.toAbsolutePath().normalize());
    if (kernelSha256.isPresent() && !kernelSha256.get().matches("[0-9a-f]{64}")) {
      throw dev.askbuild.core.AskBuildException.badInput("--kernel-sha256 takes 64 lower-case hex digits (what"
          + " `sha256sum FILE` prints first), got '" + kernelSha256.get() + "'");
    }
    dev.askbuild.core.SourceDateEpoch.check(epoch, "--epoch");
    if (jobs < 1) {
      throw dev.askbuild.core.AskBuildException.badInput("--jobs must be at least 1, got " + jobs);
    }
  }

  /** A request for a board found by name (built in, or on {@code ASKBUILD_BOARD_PATH}), with its own libc. */
  public JobRequest(String board, Optional<Path> packages, Map<String, Path> privateFiles, Optional<Path> kernelTar,
      Path out, Path cache, long epoch, Optional<Path> signature, Optional<Path> keyring, boolean strict,
      boolean requirePinned, Target target, Set<String> components, int jobs) {
    this(board, packages, privateFiles, kernelTar, out, cache, epoch, signature, keyring, strict, requirePinned,
        target, components, jobs, Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  /** The usual request: everything at its default. */
  public static JobRequest of(String board, Optional<Path> packages, Path out, Path cache) {
    return new JobRequest(board, packages, Map.of(), Optional.empty(), out, cache, DEFAULT_EPOCH, Optional.empty(),
        Optional.empty(), false, false, Target.DIST, Set.of(), Runtime.getRuntime().availableProcessors());
  }

  public JobRequest withEpoch(long seconds) {
    return new JobRequest(board, packages, privateFiles, kernelTar, out, cache, seconds, signature, keyring, strict,
        requirePinned, target, components, jobs, libc, boardDir, kernelSha256, rehash);
  }

  public JobRequest withTarget(Target t) {
    return new JobRequest(board, packages, privateFiles, kernelTar, out, cache, epoch, signature, keyring, strict,
        requirePinned, t, components, jobs, libc, boardDir, kernelSha256, rehash);
  }

  /** The run built against {@code c} rather than the board's own libc. */
  public JobRequest withLibc(Libc c) {
    return new JobRequest(board, packages, privateFiles, kernelTar, out, cache, epoch, signature, keyring, strict,
        requirePinned, target, components, jobs, Optional.of(c), boardDir, kernelSha256, rehash);
  }

  /** The same request with the board read from {@code dir}. */
  public JobRequest withBoardDir(Path dir) {
    return new JobRequest(board, packages, privateFiles, kernelTar, out, cache, epoch, signature, keyring, strict,
        requirePinned, target, components, jobs, libc, Optional.of(dir), kernelSha256, rehash);
  }

  /** The board this request names: read from its directory, or found by name; with the request's libc. */
  public dev.askbuild.board.BoardProfile loadBoard() {
    dev.askbuild.board.BoardProfile profile = boardDir.map(dev.askbuild.board.Boards::loadDir)
        .orElseGet(() -> dev.askbuild.board.Boards.load(board));
    if (!profile.name().equals(board)) {
      throw dev.askbuild.core.AskBuildException.badInput("--board " + board + " and --board-dir " + boardDir.get()
          + " disagree: that directory's profile.json names board '" + profile.name() + "'");
    }
    return libc.map(profile::withLibc).orElse(profile);
  }
}
