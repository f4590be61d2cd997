package dev.askbuild.board;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Command;
import dev.askbuild.core.Dpkg;
import dev.askbuild.core.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a board needs on the build host, as Debian packages, and which of them are installed.
 * {@code askbuild setup} installs the missing ones with apt, as ASK's own {@code make setup} does.
 */
public final class HostDoctor {
  /** One Debian package the board needs, why, and whether dpkg has it installed. */
  public record Need(String debianPackage, String why, boolean present) {}

  private static final List<String[]> COMMON = List.of(
      new String[] {"crossbuild-essential-arm64", "arm64 cross compiler, binutils and libc"},
      new String[] {"make", "every build step"},
      new String[] {"ccache", "compiler cache shared by the kernel, sysroot and compile stages"},
      new String[] {"flex", "kernel kconfig"},
      new String[] {"bison", "kernel kconfig"},
      new String[] {"bc", "kernel build"},
      new String[] {"libelf-dev", "kernel objtool and modpost"},
      new String[] {"libssl-dev", "kernel signing tools"},
      new String[] {"patch", "patch series"},
      new String[] {"kmod", "module checks"},
      new String[] {"cpio", "kernel build"},
      new String[] {"pkgconf", "target pkg-config"},
      new String[] {"qemu-user-static", "smoke run of built arm64 programs"});

  private final ProcessRunner runner;

  public HostDoctor(ProcessRunner runner) {
    this.runner = runner;
  }

  public List<Need> needs(BoardProfile board) throws IOException {
    Set<String[]> all = new LinkedHashSet<>(COMMON);
    for (String pkg : board.devPackages()) {
      all.add(new String[] {pkg, "target headers and libraries for the sysroot"});
    }
    if (board.toolchain().libc() == dev.askbuild.core.Libc.MUSL) {
      for (String pkg : dev.askbuild.core.Libc.MUSL.debianPackages(board.toolchain())) {
        all.add(new String[] {pkg, "the musl sysroot (--libc musl)"});
      }
    }
    if (board.generatedInputs() && board.kernel().tarball().startsWith("linux-source-")) {
      // A board whose inputs ask-build makes reads its kernel tarball where Debian's package put it.
      String pkg = board.kernel().tarball().replaceFirst("\\.tar\\.[a-z0-9]+$", "");
      all.add(new String[] {pkg, "board " + board.name() + "'s kernel tarball"});
    }
    List<Need> needs = new ArrayList<>();
    for (String[] n : all) {
      needs.add(new Need(n[0], n[1], new Dpkg(runner).installed(n[0])));
    }
    return needs;
  }

  /** The apt commands that install what is missing; empty when nothing is. */
  public static List<List<String>> installCommands(List<Need> needs) {
    List<String> missing = needs.stream().filter(n -> !n.present()).map(Need::debianPackage).toList();
    if (missing.isEmpty()) {
      return List.of();
    }
    List<List<String>> commands = new ArrayList<>();
    if (missing.stream().anyMatch(p -> p.endsWith(":arm64"))) {
      commands.add(List.of("dpkg", "--add-architecture", "arm64"));
    }
    commands.add(List.of("apt-get", "update"));
    List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
    install.addAll(missing);
    commands.add(install);
    return commands;
  }

  /** Runs {@code commands} in order, failing with exit 3 on the first that fails. */
  public void install(List<List<String>> commands, Path log) throws IOException {
    for (List<String> argv : commands) {
      ProcessRunner.Result result = runner.run(new Command(argv, Path.of("/"), Map.of("DEBIAN_FRONTEND", "noninteractive")), log);
      if (!result.succeeded()) {
        throw AskBuildException.environment(String.join(" ", argv) + " failed (exit " + result.exitCode()
            + "); see " + log);
      }
    }
  }
}
