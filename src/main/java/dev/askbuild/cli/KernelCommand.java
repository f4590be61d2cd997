package dev.askbuild.cli;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.TrustedFile;
import dev.askbuild.job.JobRequest;
import dev.askbuild.job.Stage;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "kernel",
    mixinStandardHelpOptions = true,
    description = {
      "Prepare a kernel tree for out-of-tree modules: extract, patch, configure from a base config"
          + " plus a fragment (filtered against the tree's Kconfig), verify the resolved .config,"
          + " then build Image and modules (CONFIG_MODVERSIONS=y) or modules_prepare. Cached.",
      "With --board B --out DIR: the board's kernel, from the tarball `askbuild verify` proved."
          + " With --fragment FILE --kernel-tar FILE --work DIR: any tree and fragment, outside a board"
          + " run (prints the prepared tree's path).",
      "Exit 1 on a patch that does not apply, a kconfig mismatch or a failed build; 2 on bad input;"
          + " 3 on a missing host tool."
    })
final class KernelCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin JobOptions options;

  @Option(names = "--fragment", paramLabel = "FILE", description = "Without --board: kernel config fragment file.")
  Path fragment;

  @Option(names = "--work", paramLabel = "DIR", description = "Without --board: logs, kernel-manifest.json and a 'linux' link to the tree go here.")
  Path work;

  @Option(names = "--patches", paramLabel = "DIR|FILE", description = "Without --board: kernel patch series (*.patch, applied in name order with -p1).")
  Path patches;

  @Option(names = "--full-build", paramLabel = "auto|always|never", description = "Without --board: build Image and modules (auto: when CONFIG_MODVERSIONS=y), else modules_prepare (default ${DEFAULT-VALUE}).")
  String fullBuild = "auto";

  @Option(names = "--base-config", paramLabel = "defconfig|NAME_defconfig|tinyconfig|FILE", description = "Without --board: where the config starts (default: defconfig).")
  String baseConfig = "defconfig";

  @Option(names = "--no-filter", description = "Without --board: keep fragment settings whose symbol the tree does not declare.")
  boolean noFilter;

  @Option(names = "--config-only", description = "Without --board: stop once the resolved .config is verified.")
  boolean configOnly;

  @Option(names = "--no-incremental", description = "Without --board: on a cache miss build from the tarball, not"
      + " from a cached tree of the same kernel under another config (the bytes are the same; this is slower).")
  boolean noIncremental;

  @Override
  public Integer call() throws IOException {
    if (options.boardMode()) {
      if (fragment != null || work != null || patches != null) {
        throw AskBuildException.badInput("--fragment, --work and --patches are for a kernel outside a board run;"
            + " with --board the board's own are used");
      }
      return StageCommand.run(spec, options, Stage.KERNEL);
    }
    if (fragment == null || options.kernelTar == null || work == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "give --board B --out DIR, or --fragment FILE --kernel-tar FILE --work DIR");
    }
    if (!Files.isRegularFile(fragment)) {
      throw AskBuildException.badInput("fragment " + fragment + " does not exist");
    }
    ConfigFragment parsed = ConfigFragment.parse(fragment.toString(), Files.readString(fragment, StandardCharsets.UTF_8));
    // Outside a board run nothing vouches for the tarball: it is hashed here, and re-checked around
    // its extraction like a verified one.
    TrustedFile tarball = TrustedFile.hash(options.kernelTar.getFileName().toString(), options.kernelTar);
    KernelRequest request =
        KernelRequest.arm64(tarball, parsed, BaseConfig.parse(baseConfig), work, CacheDirs.resolve(options.cache))
            .withPatches(patches == null ? PatchSeries.none() : PatchSeries.of(patches))
            .withFullBuild(FullBuild.parse(fullBuild))
            .withFilter(!noFilter)
            .withConfigOnly(configOnly)
            .withIncremental(!noIncremental)
            .withEpoch(options.epoch == null ? JobRequest.DEFAULT_EPOCH : options.epoch)
            .withJobs(options.jobs);
    KernelResult result = new KernelStage(ProcessRunner.forBuilds(), new StderrProgress(spec.commandLine().getErr()))
        .run(request);
    spec.commandLine().getOut().println(result.tree());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
