package dev.askbuild.cli;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.board.Boards;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(
    name = "boards",
    mixinStandardHelpOptions = true,
    description = "List the known board profiles (name, SoC platform, kernel base config, description).")
final class BoardsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (BoardProfile board : Boards.all()) {
      out.printf(
          "%-14s %-8s %-30s %s%n",
          board.name(),
          board.platform().orElse("-"),
          board.kernel().baseConfig(),
          board.description());
    }
    out.flush();
    return 0;
  }
}
