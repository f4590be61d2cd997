package dev.askbuild.cli;

import dev.askbuild.extract.ExtractLimits;
import dev.askbuild.extract.ExtractRequest;
import dev.askbuild.extract.ExtractResult;
import dev.askbuild.extract.SafeExtractor;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Safely extract a tar archive (plain, gzip, xz, bzip2 or zstd, told by content) into a new"
          + " directory.",
      "Hostile archives (escaping paths or links, devices, bombs, corrupt streams) are refused with"
          + " exit 2 and leave nothing behind."
    })
final class ExtractCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--archive", required = true, paramLabel = "FILE", description = "The archive.")
  Path archive;

  @Option(names = "--into", required = true, paramLabel = "DIR", description = "Directory to create; must not exist.")
  Path into;

  @Option(names = "--strip-components", paramLabel = "N", description = "Drop N leading path components (default 0).")
  int strip;

  @Option(names = "--drop-vcs", description = "Leave out .git directories.")
  boolean dropVcs;

  @Option(names = "--epoch", paramLabel = "SECONDS", description = "Set every mtime to this time.")
  Long epoch;

  @Option(names = "--max-bytes", paramLabel = "BYTES", description = "Most bytes written (default ${DEFAULT-VALUE}).")
  long maxBytes = ExtractLimits.DEFAULTS.maxTotalBytes();

  @Option(names = "--max-entries", paramLabel = "N", description = "Most entries (default ${DEFAULT-VALUE}).")
  long maxEntries = ExtractLimits.DEFAULTS.maxEntries();

  @Option(names = "--max-ratio", paramLabel = "X", description = "Most bytes written per archive byte (default ${DEFAULT-VALUE}).")
  double maxRatio = ExtractLimits.DEFAULTS.maxRatio();

  @Override
  public Integer call() throws Exception {
    ExtractLimits limits =
        new ExtractLimits(maxBytes, maxEntries, maxRatio, ExtractLimits.DEFAULTS.ratioFloorBytes());
    ExtractRequest request =
        new ExtractRequest(
            archive,
            into,
            strip,
            dropVcs,
            epoch == null ? OptionalLong.empty() : OptionalLong.of(epoch),
            limits);
    ExtractResult result = new SafeExtractor().extract(request);
    spec.commandLine()
        .getErr()
        .printf(
            "extracted %s (%s, %s decoder): %d entries, %d files, %d directories, %d symlinks, %d hard links,"
                + " %d bytes%n",
            archive,
            result.format().name().toLowerCase(java.util.Locale.ROOT),
            result.decoder(),
            result.entries(),
            result.files(),
            result.directories(),
            result.symlinks(),
            result.hardlinks(),
            result.bytes());
    return 0;
  }
}
