package dev.askbuild.docker;

import dev.askbuild.core.AskBuildException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A private tarball: {@code name} is what SHA256SUMS and the board call it (public), {@code file}
 * where it is on this machine (private: passed to BuildKit as a secret's source, never shown).
 */
public record PrivateInput(String name, Path file) implements Serializable {
  private static final long serialVersionUID = 1L;

  public PrivateInput {
    // The names travel in one space-separated build argument and become file names in the engine.
    if (name.isEmpty() || !name.matches("[A-Za-z0-9._+-]+") || name.startsWith(".")) {
      throw AskBuildException.badInput("--secret " + name + "=...: the name must be a plain tarball file name"
          + " as SHA256SUMS lists it (letters, digits, . _ + -)");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw AskBuildException.badInput("--secret " + name + "=FILE: FILE is not a readable regular file");
    }
  }

  /** {@code NAME=FILE} as the command line takes it. */
  public static PrivateInput parse(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw AskBuildException.badInput("--secret " + spec.replaceAll("=.*", "=...")
          + ": expected NAME=FILE (NAME as SHA256SUMS lists it)");
    }
    return new PrivateInput(spec.substring(0, eq), Path.of(spec.substring(eq + 1)));
  }
}
