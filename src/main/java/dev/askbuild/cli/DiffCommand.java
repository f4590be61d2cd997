package dev.askbuild.cli;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.diff.AbiDiff;
import dev.askbuild.diff.Change;
import dev.askbuild.diff.DiffHtml;
import dev.askbuild.diff.DiffJson;
import dev.askbuild.diff.Differ;
import dev.askbuild.diff.InputChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "What changed from build OLD to build NEW: files added and removed; a module's exports and their CRCs,"
          + " imported CRCs, vermagic, license, depends; a userspace ELF's SONAME, NEEDED, dynamic exports,"
          + " interpreter, RPATH/RUNPATH; sizes and section sizes; and the inputs that moved, named as the"
          + " cause of each change where the provenance maps the artifact to its inputs.",
      "OLD and NEW are each an out dir, a reports dir, a directory with an archived checks.json and"
          + " provenance.json (and abi.json), or one of those files.",
      "Exit 0 no ABI change, 1 ABI change (an export removed, a CRC or SONAME changed), 2 bad input."
    })
final class DiffCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The baseline build.")
  Path baseline;

  @Parameters(index = "1", paramLabel = "NEW", description = "The build to compare with it.")
  Path current;

  @Option(names = "--json", description = "Print the diff as one JSON object on standard output.")
  boolean json;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write the diff as an HTML page to FILE.")
  Path html;

  @Override
  public Integer call() {
    AbiDiff diff = Differ.diff(baseline, current);
    if (html != null) {
      try {
        Path parent = html.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(html, DiffHtml.page(diff), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw AskBuildException.badInput(html + ": cannot write: " + e.getMessage(), e);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(DiffJson.render(diff));
    } else {
      out.println("askbuild diff " + baseline + " -> " + current + ": " + diff.verdict());
      for (InputChange i : diff.inputs()) {
        out.println("input moved: " + i.describe());
      }
      for (Change c : diff.changes()) {
        out.println(c.describe());
      }
    }
    out.flush();
    return diff.abiChanged() ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
  }
}
