package dev.askbuild.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The Debian cross toolchain for one target triple: where it is and which version it is. */
public final class CrossToolchain {
  private CrossToolchain() {}

  /** The first line of {@code TRIPLE-gcc --version}, or exit 3 naming the package to install. */
  public static String gccVersion(ProcessRunner runner, String triple) throws IOException {
    String gcc = triple + "-gcc";
    if (!onPath(gcc)) {
      throw AskBuildException.environment(
          gcc + " is not installed: apt-get install gcc-" + triple + " (or crossbuild-essential-"
              + debianArch(triple) + ")");
    }
    return runner.capture(new Command(List.of(gcc, "--version"), Path.of("/"), BuildEnvironment.locale()))
        .lines().findFirst().orElse(gcc).strip();
  }

  /** True when {@code program} is an executable file in a PATH directory. */
  public static boolean onPath(String program) {
    return ExecutablePath.find(ExecutablePath.current(), program).isPresent();
  }

  /** Debian's architecture name for a GNU triple. */
  public static String debianArch(String triple) {
    return switch (triple) {
      case "aarch64-linux-gnu" -> "arm64";
      case "arm-linux-gnueabihf" -> "armhf";
      case "x86_64-linux-gnu" -> "amd64";
      default -> triple.substring(0, triple.indexOf('-') < 0 ? triple.length() : triple.indexOf('-'));
    };
  }
}
