package dev.askbuild.kernel;

import dev.askbuild.core.BuildEnvironment;
import dev.askbuild.core.Command;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kernel make invocations with a reproducible environment: a fixed build time, user and host, so
 * the same inputs give the same {@code .config}, {@code Module.symvers} and version string.
 */
final class KernelMake {

  private final Path tree;
  private final String arch;
  private final String crossCompile;
  private final long epoch;
  private final int jobs;
  /** The compiler cache's variables and PATH; empty when compilers run directly. */
  private final Map<String, String> compilerEnv;

  KernelMake(Path tree, String arch, String crossCompile, long epoch, int jobs, Map<String, String> compilerEnv) {
    this.compilerEnv = new TreeMap<>(compilerEnv);
    this.tree = tree;
    this.arch = arch;
    this.crossCompile = crossCompile;
    this.epoch = epoch;
    this.jobs = jobs;
  }

  Map<String, String> env() {
    Map<String, String> env = new TreeMap<>(BuildEnvironment.reproducible(epoch));
    env.put("ARCH", arch);
    env.put("CROSS_COMPILE", crossCompile);
    env.putAll(compilerEnv);
    return env;
  }

  Command make(Map<String, String> extraEnv, String... targets) {
    List<String> argv = new ArrayList<>(List.of("make", "-j" + jobs, "ARCH=" + arch, "CROSS_COMPILE=" + crossCompile));
    argv.addAll(List.of(targets));
    Map<String, String> env = env();
    env.putAll(extraEnv);
    return new Command(argv, tree, env);
  }

  Command make(String... targets) {
    return make(Map.of(), targets);
  }

  Command script(String... argv) {
    return new Command(List.of(argv), tree, env());
  }
}
