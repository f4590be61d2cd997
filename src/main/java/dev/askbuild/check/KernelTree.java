package dev.askbuild.check;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.DotConfig;
import dev.askbuild.core.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prepared kernel tree as the checks see it: release, {@code .config} and {@code Module.symvers}.
 * The release comes from {@code include/generated/utsrelease.h} (what vermagic is built from) or
 * else {@code include/config/kernel.release}: Debian's headers package has both and they differ.
 */
public record KernelTree(Path dir, String release, DotConfig config, String configSha256,
    Optional<Symvers> symvers, String symversSha256) {
  private static final Pattern UTS = Pattern.compile("#define\\s+UTS_RELEASE\\s+\"([^\"]*)\"");

  public static KernelTree load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw AskBuildException.badInput(dir + ": kernel directory does not exist");
    }
    Path configFile = dir.resolve(".config");
    if (!Files.isRegularFile(configFile)) {
      throw AskBuildException.badInput(configFile + ": missing; the kernel tree must be configured");
    }
    try {
      String release = release(dir);
      DotConfig config = DotConfig.read(configFile);
      Path symversFile = dir.resolve("Module.symvers");
      Optional<Symvers> symvers = Optional.empty();
      String symversSha = "";
      if (Files.isRegularFile(symversFile)) {
        symvers = Optional.of(Symvers.parse(symversFile));
        symversSha = Sha256.ofFile(symversFile);
      }
      return new KernelTree(dir, release, config, Sha256.ofFile(configFile), symvers, symversSha);
    } catch (IOException e) {
      throw AskBuildException.badInput(dir + ": cannot read kernel tree: " + e.getMessage(), e);
    }
  }

  private static String release(Path dir) throws IOException {
    Path uts = dir.resolve("include/generated/utsrelease.h");
    if (Files.isRegularFile(uts)) {
      Matcher m = UTS.matcher(Files.readString(uts, StandardCharsets.UTF_8));
      if (m.find()) {
        return m.group(1);
      }
    }
    Path file = dir.resolve("include/config/kernel.release");
    if (!Files.isRegularFile(file)) {
      throw AskBuildException.badInput(file + ": missing; run 'make prepare' in the kernel tree");
    }
    String release = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (release.isEmpty()) {
      throw AskBuildException.badInput(file + ": empty kernel release");
    }
    return release;
  }

  /** {@code option} without its {@code CONFIG_} prefix, as vermagic.h spells them. */
  public boolean enabled(String option) {
    return config.enabled("CONFIG_" + option);
  }

  public KernelFacts facts() {
    return new KernelFacts(dir.toString(), release, configSha256, symversSha256, enabled("MODVERSIONS"));
  }
}
