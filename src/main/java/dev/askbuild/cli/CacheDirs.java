package dev.askbuild.cli;

import java.nio.file.Path;

/** Where the engine's cache lives: {@code --cache}, else $ASKBUILD_CACHE, else ~/.cache/askbuild. */
final class CacheDirs {
  private CacheDirs() {}

  static Path resolve(Path option) {
    if (option != null) {
      return option;
    }
    String env = System.getenv("ASKBUILD_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "askbuild");
  }
}
