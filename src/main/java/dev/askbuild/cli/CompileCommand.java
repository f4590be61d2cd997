package dev.askbuild.cli;

import dev.askbuild.job.Stage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = {
      "Build ASK offline with the board's compile plan, against the sysroot and kernel tree the"
          + " earlier stages left in OUT/state, with network fetches replaced by the verified vendored"
          + " tarballs. Artifacts land in OUT/dist.",
      "Any git clone, wget or curl fails the stage naming the command; host include or library"
          + " paths in a target compile fail it naming the file and path."
    })
final class CompileCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin JobOptions options;

  @Override
  public Integer call() throws Exception {
    return StageCommand.run(spec, options, Stage.COMPILE);
  }
}
