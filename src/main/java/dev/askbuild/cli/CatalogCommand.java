package dev.askbuild.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.askbuild.job.Catalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = {
      "What the engine builds: the stages in order, the targets, and each board's components (with their"
          + " target part and what they are built against).",
      "Front ends (the Jenkins steps, the Groovy pipeline, docker mode) read this instead of keeping their own lists."
    })
final class CatalogCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print the catalog as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Catalog catalog = Catalog.load();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(catalog));
    } else {
      out.println("stages:  " + String.join(",", catalog.stages()));
      out.println("targets: " + String.join(",", catalog.targets()));
      for (Catalog.BoardEntry board : catalog.boards()) {
        out.printf("board %s%s: %s%n", board.name(), board.generatedInputs() ? " (inputs generated)" : "",
            String.join(",", board.components().keySet()));
      }
    }
    out.flush();
    return 0;
  }
}
