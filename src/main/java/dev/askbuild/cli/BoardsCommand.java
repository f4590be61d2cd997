package dev.askbuild.cli;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.board.Boards;
import dev.askbuild.board.Tarball;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(
    name = "boards",
    mixinStandardHelpOptions = true,
    description = "List the known boards: name, ASK's PLATFORM, inputs, description, where the board comes from"
        + " (built in, or a directory of $ASKBUILD_BOARD_PATH), and the tarballs each reads (with the ones whose"
        + " hash the board pins marked 'pinned').")
final class BoardsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-14s %-9s %-10s %s%n", "BOARD", "PLATFORM", "INPUTS", "DESCRIPTION");
    for (BoardProfile board : Boards.all()) {
      out.printf("%-14s %-9s %-10s %s%n", board.name(), board.platform().orElse("-"),
          board.generatedInputs() ? "generated" : "packages", board.description());
      out.printf("%-14s   %-8s %s%n", "", "from", board.source().origin());
      for (Tarball t : board.tarballs()) {
        out.printf("%-14s   %-8s %s%s%n", "", t.role().label(), t.name(),
            board.pins().of(t.name()).isPresent() ? "  (pinned)" : "");
      }
    }
    out.println();
    out.println("PLATFORM is what ASK's Makefiles take: ASK passes PLATFORM=LS1043A for the LS1046A Mono Gateway"
        + " too, its DPAA1 code being the same on both SoCs.");
    out.flush();
    return 0;
  }
}
