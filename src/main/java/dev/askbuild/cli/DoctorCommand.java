package dev.askbuild.cli;

import dev.askbuild.board.Boards;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.board.HostDoctor;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = "List every host tool and package the board needs, present or missing. Exit 3 when any is missing.")
final class DoctorCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--board", paramLabel = "B", description = "Board profile (default: ${DEFAULT-VALUE}).")
  String board = "mono-gateway";

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<HostDoctor.Need> needs = new HostDoctor(ProcessRunner.inheritingEnvironment()).needs(Boards.load(board));
    for (HostDoctor.Need n : needs) {
      out.printf("%-8s %-32s %s%n", n.present() ? "present" : "MISSING", n.debianPackage(), n.why());
    }
    long missing = needs.stream().filter(n -> !n.present()).count();
    out.printf("%d of %d present%s%n", needs.size() - missing, needs.size(),
        missing > 0 ? "; run: askbuild setup --board " + board : "");
    return missing == 0 ? 0 : 3;
  }
}
