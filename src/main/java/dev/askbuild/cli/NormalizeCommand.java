package dev.askbuild.cli;

import dev.askbuild.core.Sha256;
import dev.askbuild.extract.TarNormalizer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "normalize",
    mixinStandardHelpOptions = true,
    description = {
      "Re-pack a source tarball reproducibly: names sorted, mtimes at the epoch, owner/group 0,"
          + " no .git, gzip header without a timestamp. Two runs give identical bytes."
    })
final class NormalizeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "Source tarball (any supported compression).")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Normalized .tar.gz to write.")
  Path out;

  @Option(names = "--epoch", required = true, paramLabel = "SECONDS", description = "The one mtime every entry gets.")
  long epoch;

  @Override
  public Integer call() throws Exception {
    new TarNormalizer().normalize(in, out, epoch);
    spec.commandLine().getOut().println(Sha256.ofFile(out) + "  " + out.getFileName());
    return 0;
  }
}
