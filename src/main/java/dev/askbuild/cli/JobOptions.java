package dev.askbuild.cli;

import dev.askbuild.board.Boards;
import dev.askbuild.compile.Target;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.job.JobRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every board command takes ({@code verify}, {@code sysroot}, {@code kernel}, {@code
 * compile}, {@code check}, {@code build}), turned into one {@link JobRequest}: the same request
 * whichever command, so a stage run alone is the stage {@code build} runs.
 */
final class JobOptions {
  @Option(names = "--board", paramLabel = "B", description = "Board profile (see `askbuild boards`).")
  String board;

  @Option(names = "--board-dir", paramLabel = "DIR", description = "Read the board from DIR, a directory laid out as"
      + " the built-in boards are (profile.json, compile.json, kernel.config, NAME.hash; `askbuild board export` writes"
      + " one); --board may then be left out. Boards in the directories of $ASKBUILD_BOARD_PATH are found by name.")
  Path boardDir;

  @Option(names = "--packages", paramLabel = "DIR", description = "Vendored tarballs and SHA256SUMS (optional for a board whose inputs askbuild makes, e.g. demo).")
  Path packages;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory: dist/, reports/, logs/, state/, work/.")
  Path out;

  @Option(names = "--private", paramLabel = "NAME=FILE", description = "Read the board's tarball NAME from FILE (a credential or secret file); its hash must still be pinned or listed. Repeatable.")
  List<String> privateFiles = List.of();

  @Option(names = "--kernel-tar", paramLabel = "FILE", description = "Use this kernel tarball instead of the board's (listed or pinned under its own file name).")
  Path kernelTar;

  @Option(names = "--kernel-sha256", paramLabel = "HEX", description = "The kernel tarball's SHA-256, proving a --kernel-tar that SHA256SUMS does not list (as a board's pin would).")
  String kernelSha256;

  @Option(names = "--cache", paramLabel = "DIR", description = "Cache directory (default: $ASKBUILD_CACHE or ~/.cache/askbuild).")
  Path cache;

  @Option(names = "--epoch", paramLabel = "SECONDS", description = "SOURCE_DATE_EPOCH for every stage (default: " + JobRequest.DEFAULT_EPOCH + ").")
  Long epoch;

  @Option(names = "--signature", paramLabel = "FILE", description = "Detached OpenPGP signature of SHA256SUMS.")
  Path signature;

  @Option(names = "--keyring", paramLabel = "FILE", description = "Public key file for --signature.")
  Path keyring;

  @Option(names = "--strict", description = "Verify the whole packages directory: a file SHA256SUMS does not mention fails.")
  boolean strict;

  @Option(names = "--require-pinned", description = "Fail for any tarball of the board whose hash the board does not pin.")
  boolean requirePinned;

  @Option(names = "--rehash", description = "Read every tarball to verify it, even one this machine hashed before and that is unchanged since (same path, device, inode, size and times), whose remembered hash is trusted otherwise.")
  boolean rehash;

  @Option(names = "--target", paramLabel = "T", description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", completionCandidates = TargetLabels.class)
  String target = "dist";

  @Option(names = "--components", paramLabel = "LIST", split = ",", description = "Build only these components (and what they are built against), e.g. libfci,cmm (default: all of the target's).")
  List<String> components = List.of();

  @Option(names = "--libc", paramLabel = "L", description = "C library userspace is built against: glibc or musl (default: the board's, glibc).")
  String libc;

  @Option(names = "--jobs", paramLabel = "N", description = "Parallel make jobs (default: one per core).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--wait", description = "When another askbuild run holds the output directory, wait for it to end (default: exit 2 at once, naming its PID).")
  boolean waitForOut;

  @Option(names = "--json", description = "Print the stage's result as one JSON object on standard output.")
  boolean json;

  boolean boardMode() {
    return board != null || boardDir != null;
  }

  /** The request; an unknown board is named before any other option is looked at. */
  JobRequest request() {
    String name = board;
    if (boardDir != null) {
      // The directory's profile names the board; --board, if given too, must agree (checked on loading).
      String inDir = Boards.loadDir(boardDir).name();
      name = board == null ? inDir : board;
    } else if (board == null) {
      throw AskBuildException.badInput("--board is required (known boards: " + String.join(", ", Boards.names()) + ")");
    } else {
      Boards.requireKnown(board);
    }
    if (out == null) {
      throw AskBuildException.badInput("--out DIR is required with --board");
    }
    Map<String, Path> files = new LinkedHashMap<>();
    for (String spec : privateFiles) {
      int eq = spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        throw AskBuildException.badInput("--private takes NAME=FILE, got '" + spec + "'");
      }
      files.put(spec.substring(0, eq), Path.of(spec.substring(eq + 1)));
    }
    return new JobRequest(name, Optional.ofNullable(packages), files, Optional.ofNullable(kernelTar), out,
        CacheDirs.resolve(cache), epoch == null ? JobRequest.DEFAULT_EPOCH : epoch, Optional.ofNullable(signature),
        Optional.ofNullable(keyring), strict, requirePinned, Target.parse(target), new java.util.TreeSet<>(components), jobs,
        Optional.ofNullable(libc).map(l -> dev.askbuild.core.Libc.parse(l, "--libc")), Optional.ofNullable(boardDir),
        Optional.ofNullable(kernelSha256), rehash);
  }

  /** The targets' labels, for the help text: from {@link Target}, not a copy. */
  static final class TargetLabels implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(Target.values()).map(Target::label).iterator();
    }
  }
}
