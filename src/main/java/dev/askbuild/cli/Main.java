package dev.askbuild.cli;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code askbuild} command-line runner: a thin adapter from arguments to engine stages. */
@Command(
    name = "askbuild",
    mixinStandardHelpOptions = true,
    version = "askbuild " + dev.askbuild.core.Version.NUMBER,
    description = "Verified, offline, reproducible arm64 builds of NXP's ASK fast-path kit.",
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success",
      "  1  a verification or check failed",
      "  2  bad usage or bad input",
      "  3  missing toolchain or environment"
    })
public final class Main implements Runnable {
  /** The subcommands, in the order help lists them. */
  private static final List<Class<?>> COMMANDS =
      List.of(
          VerifyCommand.class,
          ExtractCommand.class,
          NormalizeCommand.class,
          BoardsCommand.class,
          BoardCommand.class,
          CatalogCommand.class,
          KernelCommand.class,
          SysrootCommand.class,
          CompileCommand.class,
          BuildCommand.class,
          DoctorCommand.class,
          SetupCommand.class,
          CheckCommand.class,
          DiffCommand.class,
          DockerCommand.class,
          CacheCommand.class,
          CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // A signal stops the run's process tree and records the stage as interrupted (exit 128 + n).
    dev.askbuild.core.ShutdownGuard.install();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, out, err));
  }

  /** Runs one command line; every outcome is mapped to an exit code here and only here. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    // --debug anywhere on the line: the stack trace of an unexpected error, for a bug report.
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    args = java.util.Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
    CommandLine cli = new CommandLine(new Main());
    // picocli reads every option of every subcommand it is given, a tenth of a second on a cold
    // JVM: a command line that names its command gets only that one (and help gets them all).
    String named = args.length > 0 ? args[0] : "";
    boolean known = COMMANDS.stream().anyMatch(c -> nameOf(c).equals(named) && !named.equals("help"));
    for (Class<?> command : COMMANDS) {
      if (!known || nameOf(command).equals(named)) {
        cli.addSubcommand(command);
      }
    }
    // Every subcommand answers --version as the top-level command does (mixinStandardHelpOptions
    // gives each the option; the version is stated once, here).
    setVersion(cli, "askbuild " + dev.askbuild.core.Version.NUMBER);
    addExamples(cli);
    hideIgnoredOptions(cli);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(Main::exitCodeFor);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof AskBuildException ab) {
            err.println("error: " + ab.getMessage());
          } else if (e instanceof java.nio.file.FileSystemException fs) {
            // A path the checks before the stages could not foresee (a disk full, a directory made
            // read-only meanwhile): the path and the reason, on one line.
            err.println("error: " + fs.getFile() + ": " + dev.askbuild.core.FileErrors.reason(fs) + (fs.getOtherFile() != null ? " (" + fs.getOtherFile() + ")" : ""));
          } else {
            err.println("error: internal error: " + e + (debug ? "" : " (run again with --debug for the stack trace)"));
          }
          if (debug) {
            e.printStackTrace(err);
          }
          err.flush();
          return exitCodeFor(e);
        });
    cli.setParameterExceptionHandler(
        (e, args2) -> {
          err.println(ParseErrorLine.of(e));
          err.flush();
          return ExitCode.BAD_INPUT.code();
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Each command's help ends with command lines to start from, unless it has a footer of its own. */
  private static final java.util.Map<String, List<String>> EXAMPLES = java.util.Map.ofEntries(
      java.util.Map.entry("verify", List.of("askbuild verify --board demo --out out",
          "askbuild verify --packages vendor --strict")),
      java.util.Map.entry("sysroot", List.of("askbuild sysroot --board demo --out out")),
      java.util.Map.entry("kernel", List.of("askbuild kernel --board demo --out out --jobs 2")),
      java.util.Map.entry("compile", List.of("askbuild compile --board demo --out out")),
      java.util.Map.entry("check", List.of("askbuild check --board demo --out out")),
      java.util.Map.entry("build", List.of("askbuild build --board demo --out out",
          "askbuild build --board demo --target userspace --out out")),
      java.util.Map.entry("extract", List.of("askbuild extract --archive a.tar.gz --into tree --strip-components 1")),
      java.util.Map.entry("normalize", List.of("askbuild normalize --in a.tar.gz --out b.tar.gz --epoch 1714521600")),
      java.util.Map.entry("boards", List.of("askbuild boards")),
      java.util.Map.entry("catalog", List.of("askbuild catalog")),
      java.util.Map.entry("doctor", List.of("askbuild doctor --board demo")),
      java.util.Map.entry("setup", List.of("askbuild setup --board demo")));

  /**
   * {@code check} reads what the earlier stages left and runs no make and no verification: the
   * shared options it ignores are still accepted (a script passes one set to every stage) but not
   * listed in its help.
   */
  private static void hideIgnoredOptions(CommandLine cli) {
    CommandLine check = cli.getSubcommands().get("check");
    if (check == null) {
      return;
    }
    CommandLine.Model.CommandSpec spec = check.getCommandSpec();
    for (String name : List.of("--jobs", "--signature", "--keyring", "--strict")) {
      CommandLine.Model.OptionSpec option = spec.findOption(name);
      if (option != null && !option.hidden()) {
        spec.remove(option);
        spec.addOption(CommandLine.Model.OptionSpec.builder(option).hidden(true).build());
      }
    }
  }

  private static void addExamples(CommandLine cli) {
    for (CommandLine sub : cli.getSubcommands().values()) {
      List<String> examples = EXAMPLES.get(sub.getCommandName());
      CommandLine.Model.UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
      if (examples != null && usage.footer().length == 0) {
        usage.footerHeading("%nExamples:%n");
        usage.footer(examples.stream().map(e -> "  " + e).toArray(String[]::new));
      }
    }
  }

  private static void setVersion(CommandLine command, String version) {
    command.getCommandSpec().version(version);
    command.getSubcommands().values().forEach(sub -> setVersion(sub, version));
  }

  private static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  static int exitCodeFor(Throwable e) {
    if (e instanceof AskBuildException ab) {
      return ab.exitCode().code();
    }
    if (e instanceof CommandLine.ParameterException) {
      return ExitCode.BAD_INPUT.code();
    }
    // An unexpected exception is a bug or an unreadable input; never report it as success.
    return ExitCode.BAD_INPUT.code();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
