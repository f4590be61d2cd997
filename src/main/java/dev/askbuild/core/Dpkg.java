package dev.askbuild.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What dpkg knows of the host's packages: the one place the engine asks {@code dpkg-query}. */
public final class Dpkg {
  private final ProcessRunner runner;

  public Dpkg(ProcessRunner runner) {
    this.runner = runner;
  }

  /** A field of a package ({@code dpkg-query -W -f FORMAT}), or empty when dpkg does not know it. */
  public Optional<String> field(String pkg, String format) throws IOException {
    try {
      return Optional.of(query(List.of("dpkg-query", "-W", "-f", format, pkg)).strip());
    } catch (AskBuildException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the package is fully installed (not merely known, unpacked or removed). A name without
   * an architecture matches every installed architecture of a multiarch package, one line each.
   */
  public boolean installed(String pkg) throws IOException {
    return field(pkg, "${db:Status-Status}\n").map(s -> s.lines().anyMatch("installed"::equals)).orElse(false);
  }

  /** The installed version, or exit 3 saying how to install the package. */
  public String version(String pkg) throws IOException {
    return field(pkg, "${Version}").filter(v -> !v.isEmpty()).orElseThrow(() -> notInstalled(pkg));
  }

  /** The paths the installed package owns, or exit 3 saying how to install it. */
  public List<String> files(String pkg) throws IOException {
    try {
      return query(List.of("dpkg-query", "-L", pkg)).lines().toList();
    } catch (AskBuildException e) {
      throw notInstalled(pkg);
    }
  }

  private String query(List<String> argv) throws IOException {
    return runner.capture(new Command(argv, Path.of("/"), BuildEnvironment.locale()));
  }

  private static AskBuildException notInstalled(String pkg) {
    return AskBuildException.environment(
        pkg + " is not installed: apt-get install " + pkg + " (askbuild setup installs it)");
  }
}
