package dev.askbuild.cli;

import dev.askbuild.board.BoardExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "board",
    mixinStandardHelpOptions = true,
    description = "Work with board directories.",
    subcommands = BoardCommand.Export.class)
final class BoardCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a board subcommand is required: export");
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write board NAME's files (profile.json, compile.json, kernel.config, NAME.hash) into DIR, a"
          + " board directory to adjust and build with --board-dir DIR (or to put under a directory of"
          + " $ASKBUILD_BOARD_PATH).")
  static final class Export implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "A known board (see `askbuild boards`).")
    String name;

    @Parameters(index = "1", paramLabel = "DIR", description = "A new or empty directory.")
    Path dir;

    @Override
    public Integer call() throws IOException {
      List<Path> files = BoardExport.export(name, dir);
      PrintWriter out = spec.commandLine().getOut();
      for (Path file : files) {
        out.println(file);
      }
      out.flush();
      PrintWriter err = spec.commandLine().getErr();
      err.println("board " + name + " written to " + dir + "; build it with --board-dir " + dir);
      err.flush();
      return 0;
    }
  }
}
