package dev.askbuild.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * The one line a command line picocli cannot parse gets: what is wrong, the nearest names of a
 * mistyped option or command, and where the options are listed. picocli's own handler prints the
 * whole usage after it, which buries the line that says what to fix (a CI log shows the last
 * screen), so the usage is named, not printed.
 */
final class ParseErrorLine {
  private ParseErrorLine() {}

  static String of(CommandLine.ParameterException e) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    StringBuilder line = new StringBuilder("error: ").append(e.getMessage());
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      List<String> near = unmatched.isUnknownOption() || command.getSubcommands().isEmpty()
          ? unmatched.getSuggestions()
          : nearestCommands(unmatched.getUnmatched(), command.getSubcommands().keySet());
      if (!near.isEmpty()) {
        // An unknown command's neighbours are commands: name them as they are typed.
        String prefix = unmatched.isUnknownOption() ? "" : name + " ";
        line.append("; did you mean ").append(prefix).append(String.join(" or " + prefix, near)).append('?');
      }
    }
    return line.append(" (").append(name).append(" --help lists ")
        .append(command.getSubcommands().isEmpty() ? "the options" : "the commands").append(')').toString();
  }

  /**
   * The commands within two edits of a mistyped one ("chek": check). picocli's own suggestions for
   * a command compare by shared prefix and offered "cache or help" for it.
   */
  static List<String> nearestCommands(List<String> unmatched, java.util.Collection<String> commands) {
    if (unmatched.isEmpty()) {
      return List.of();
    }
    String typed = unmatched.get(0);
    int best = Math.min(2, typed.length() - 1);
    List<String> near = new java.util.ArrayList<>();
    for (String name : commands) {
      int d = distance(typed, name);
      if (d < best) {
        best = d;
        near.clear();
      }
      if (d == best) {
        near.add(name);
      }
    }
    return near;
  }

  /** Edits (insert, delete, replace, swap of neighbours) from {@code a} to {@code b}. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
