package dev.askbuild.kernel;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the configuration starts: an in-tree make target ({@code defconfig}, {@code NAME_defconfig},
 * {@code tinyconfig}) or a full config file copied in as {@code .config}.
 */
public record BaseConfig(Optional<String> target, Optional<Path> file) {
  public BaseConfig {
    if (target.isPresent() == file.isPresent()) {
      throw new IllegalArgumentException("a base config is either a target or a file");
    }
  }

  /** Reads a {@code --base-config} value: a known target name, else a file that must exist. */
  public static BaseConfig parse(String value) {
    // A file called like a target in the current directory is still the target; say ./x for it.
    if (isTarget(value)) {
      return target(value);
    }
    Path path = Path.of(value);
    if (!Files.isRegularFile(path)) {
      throw AskBuildException.badInput(
          "base config '" + value + "' is neither defconfig, NAME_defconfig, tinyconfig nor an existing file");
    }
    return new BaseConfig(Optional.empty(), Optional.of(path.toAbsolutePath()));
  }

  /** True when {@code value} names an in-tree make target rather than a config file. */
  public static boolean isTarget(String value) {
    return value.equals("defconfig") || value.equals("tinyconfig") || value.matches("[A-Za-z0-9_.-]+_defconfig");
  }

  public static BaseConfig target(String name) {
    return new BaseConfig(Optional.of(name), Optional.empty());
  }

  /** What goes into the cache key and the manifest: the target name, or the file's hash. */
  String identity() {
    return target.map(t -> "target:" + t).orElseGet(() -> "file:" + Sha256.ofFileUnchecked(file.get()));
  }

  String describe() {
    return target.orElseGet(() -> file.get().toString());
  }
}
