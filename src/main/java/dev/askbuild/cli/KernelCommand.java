package dev.askbuild.cli;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.board.Boards;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.kernel.BaseConfig;
import dev.askbuild.kernel.ConfigFragment;
import dev.askbuild.kernel.FullBuild;
import dev.askbuild.kernel.KernelRequest;
import dev.askbuild.kernel.KernelResult;
import dev.askbuild.kernel.KernelStage;
import dev.askbuild.kernel.PatchSeries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "kernel",
    mixinStandardHelpOptions = true,
    description = {
      "Prepare a kernel tree for out-of-tree modules: extract, patch, configure from a base config"
          + " plus a fragment (filtered against the tree's Kconfig), verify the resolved .config,"
          + " then build Image and modules (CONFIG_MODVERSIONS=y) or modules_prepare. Cached.",
      "Prints the prepared tree's path on standard output.",
      "Exit 1 on a patch that does not apply, a kconfig mismatch or a failed build; 2 on bad input;"
          + " 3 on a missing host tool."
    })
final class KernelCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--kernel-tar", required = true, paramLabel = "FILE", description = "Kernel source tarball.")
  Path kernelTar;

  @ArgGroup(exclusive = true, multiplicity = "1")
  ConfigSource source;

  static final class ConfigSource {
    @Option(names = "--board", paramLabel = "NAME", description = "Board profile (see `askbuild boards`).")
    String board;

    @Option(names = "--fragment", paramLabel = "FILE", description = "Kernel config fragment file.")
    Path fragment;
  }

  @Option(names = "--work", required = true, paramLabel = "DIR", description = "Logs, kernel-manifest.json and a 'linux' link to the tree go here.")
  Path work;

  @Option(names = "--patches", paramLabel = "DIR", description = "Kernel patch series (*.patch, applied in name order with -p1).")
  Path patches;

  @Option(names = "--ask-src", paramLabel = "DIR", description = "Extracted ASK source, for a board's ask:... base config and patches.")
  Path askSrc;

  @Option(names = "--full-build", paramLabel = "auto|always|never", description = "Build Image and modules (auto: when CONFIG_MODVERSIONS=y), else modules_prepare (default ${DEFAULT-VALUE}).")
  String fullBuild = "auto";

  @Option(names = "--base-config", paramLabel = "defconfig|NAME_defconfig|tinyconfig|FILE", description = "Where the config starts (default: the board's, else defconfig).")
  String baseConfig;

  @Option(names = "--no-filter", description = "Keep fragment settings whose symbol the tree does not declare.")
  boolean noFilter;

  @Option(names = "--config-only", description = "Stop once the resolved .config is verified.")
  boolean configOnly;

  @Option(names = "--cache", paramLabel = "DIR", description = "Cache directory (default: $ASKBUILD_CACHE or ~/.cache/askbuild).")
  Path cache;

  @Option(names = "--epoch", paramLabel = "SECONDS", description = "Build timestamp (default: the tarball's Makefile mtime).")
  Long epoch;

  @Option(names = "--jobs", paramLabel = "N", description = "Parallel make jobs (default: one per core).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws IOException {
    Optional<BoardProfile> board = Optional.ofNullable(source.board).map(Boards::load);
    ConfigFragment fragment = fragment(board);
    BaseConfig base = BaseConfig.parse(baseConfigValue(board));
    KernelRequest request =
        KernelRequest.arm64(kernelTar, fragment, base, work, CacheDirs.resolve(cache))
            .withPatches(patchSeries(board))
            .withFullBuild(FullBuild.parse(fullBuild))
            .withFilter(!noFilter)
            .withConfigOnly(configOnly);
    if (board.isPresent()) {
      request = request.withToolchain(board.get().toolchain().arch(), board.get().toolchain().crossCompile());
    }
    if (epoch != null) {
      request = request.withEpoch(epoch);
    }
    if (jobs < 1) {
      throw AskBuildException.badInput("--jobs must be at least 1, got " + jobs);
    }
    request = request.withJobs(jobs);
    KernelResult result = new KernelStage(new StderrProgress(spec.commandLine().getErr())).run(request);
    spec.commandLine().getOut().println(result.tree());
    spec.commandLine().getOut().flush();
    return 0;
  }

  private ConfigFragment fragment(Optional<BoardProfile> board) throws IOException {
    if (board.isPresent()) {
      return ConfigFragment.parse(
          "board " + board.get().name() + " fragment " + board.get().kernel().fragment(),
          Boards.fragmentText(board.get()));
    }
    if (!Files.isRegularFile(source.fragment)) {
      throw AskBuildException.badInput("fragment " + source.fragment + " does not exist");
    }
    return ConfigFragment.parse(source.fragment.toString(), Files.readString(source.fragment, StandardCharsets.UTF_8));
  }

  private String baseConfigValue(Optional<BoardProfile> board) {
    if (baseConfig != null) {
      return baseConfig;
    }
    if (board.isEmpty()) {
      return "defconfig";
    }
    return fromAsk(board.get(), board.get().kernel().baseConfig(), "--base-config");
  }

  private PatchSeries patchSeries(Optional<BoardProfile> board) throws IOException {
    if (patches != null) {
      return PatchSeries.of(patches);
    }
    if (board.isPresent() && board.get().kernel().patches().isPresent()) {
      return PatchSeries.of(Path.of(fromAsk(board.get(), board.get().kernel().patches().get(), "--patches")));
    }
    return PatchSeries.none();
  }

  /** A board value as a path: {@code ask:REL} resolves under --ask-src, anything else as given. */
  private String fromAsk(BoardProfile board, String value, String override) {
    if (!value.startsWith(BoardProfile.ASK_PREFIX)) {
      return value;
    }
    String relative = value.substring(BoardProfile.ASK_PREFIX.length());
    if (askSrc == null) {
      throw AskBuildException.badInput(
          "board " + board.name() + " takes " + relative + " from the ASK source; give --ask-src DIR or " + override);
    }
    return askSrc.resolve(relative).toString();
  }
}
