package dev.askbuild.cli;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.board.Boards;
import dev.askbuild.compile.CompilePlan;
import dev.askbuild.compile.CompilePlans;
import dev.askbuild.compile.CompileRequest;
import dev.askbuild.compile.CompileResult;
import dev.askbuild.compile.CompileStage;
import dev.askbuild.compile.Target;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.verify.FileVerdict;
import dev.askbuild.verify.PackageVerifier;
import dev.askbuild.verify.VerifyReport;
import dev.askbuild.verify.VerifyRequest;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = {
      "Build ASK offline against a prepared kernel tree and a sysroot: the board's compile plan, with"
          + " network fetches replaced by the verified vendored tarballs.",
      "Any git clone, wget or curl fails the stage naming the command; host include or library"
          + " paths in a target compile fail it naming the file and path."
    })
final class CompileCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--board", required = true, paramLabel = "B", description = "Board profile.")
  String board;

  @Option(names = "--packages", required = true, paramLabel = "DIR", description = "Vendored tarballs and SHA256SUMS.")
  Path packages;

  @Option(names = "--kernel", required = true, paramLabel = "DIR", description = "Prepared kernel tree (from `askbuild kernel`).")
  Path kernel;

  @Option(names = "--sysroot", required = true, paramLabel = "DIR", description = "Sysroot (from `askbuild sysroot`).")
  Path sysroot;

  @Option(names = "--work", required = true, paramLabel = "DIR", description = "Work directory; artifacts land in DIR/dist.")
  Path work;

  @Option(names = "--target", paramLabel = "T", description = "userspace, modules or dist (default: ${DEFAULT-VALUE}).")
  String target = "dist";

  @Option(names = "--epoch", paramLabel = "SECONDS", description = "SOURCE_DATE_EPOCH (default: ${DEFAULT-VALUE}).")
  long epoch = 1714521600L;

  @Override
  public Integer call() throws Exception {
    Target t;
    try {
      t = Target.valueOf(target.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--target must be userspace, modules or dist, got '" + target + "'");
    }
    BoardProfile profile = Boards.load(board);
    CompilePlan plan = CompilePlans.forBoard(board);
    Map<String, Path> tarballs = new TreeMap<>();
    profile.tarballs().forEach((role, name) -> tarballs.put(role, packages.resolve(name).toAbsolutePath()));
    // Only what this stage unpacks is hashed: the kernel tarball belongs to the kernel stage.
    Set<String> used = new TreeSet<>();
    if (profile.tarballs().containsKey("ask")) {
      used.add(profile.tarballs().get("ask"));
    }
    for (String vendored : plan.vendoredNames()) {
      if (profile.tarballs().containsKey(vendored)) {
        used.add(profile.tarballs().get(vendored));
      }
    }
    VerifyReport verified = new PackageVerifier().verify(VerifyRequest.of(packages).limitedTo(used));
    if (!verified.passed()) {
      throw dev.askbuild.core.AskBuildException.checkFailed("packages in " + packages + " did not verify: "
          + verified.verdicts().stream().filter(verified::isFailure).map(FileVerdict::describe).toList());
    }
    CompileResult result = new CompileStage(ProcessRunner.forBuilds(), new StderrProgress(spec.commandLine().getErr()))
        .compile(new CompileRequest(tarballs.get("ask"), tarballs, kernel.toAbsolutePath(), sysroot.toAbsolutePath(), work,
            profile.toolchain().arch(), profile.toolchain().crossCompile(), profile.toolchain().triple(),
            profile.platform().orElse(""), epoch, plan, t));
    new TreeMap<>(result.artifacts()).forEach((name, sha) -> spec.commandLine().getOut().println(sha + "  " + name));
    return 0;
  }
}
