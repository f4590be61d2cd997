package dev.askbuild.cli;

import dev.askbuild.job.Stage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
    name = "sysroot",
    mixinStandardHelpOptions = true,
    description = {
      "Stage the board's arm64 glibc sysroot: Debian's cross libc, the board's -dev packages, and its"
          + " vendored libraries cross-built with their patches, from the tarballs `askbuild verify`"
          + " proved (its result is read from OUT/state). Cached.",
      "Exit 1 when a patch or build fails; 2 on bad input; 3 on a missing toolchain."
    })
final class SysrootCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin JobOptions options;

  @Override
  public Integer call() throws Exception {
    return StageCommand.run(spec, options, Stage.SYSROOT);
  }
}
