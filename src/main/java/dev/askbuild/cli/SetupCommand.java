package dev.askbuild.cli;

import dev.askbuild.board.Boards;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.board.HostDoctor;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "setup",
    mixinStandardHelpOptions = true,
    description = "Install the board's missing host packages with apt (as ASK's `make setup` does) and say what ran.")
final class SetupCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--board", required = true, paramLabel = "B", description = "Board profile.")
  String board;

  @Option(names = "--dry-run", description = "Only print the commands.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    HostDoctor doctor = new HostDoctor(ProcessRunner.inheritingEnvironment());
    List<List<String>> commands = HostDoctor.installCommands(doctor.needs(Boards.load(board)));
    if (commands.isEmpty()) {
      out.println("nothing to install: every package board " + board + " needs is present");
      return 0;
    }
    commands.forEach(c -> out.println((dryRun ? "would run: " : "running: ") + String.join(" ", c)));
    if (!dryRun) {
      Path log = Files.createTempFile("askbuild-setup", ".log");
      doctor.install(commands, log);
      out.println("done; log: " + log);
    }
    return 0;
  }
}
