package dev.askbuild.core;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment every target build runs in, defined once for the sysroot, kernel and compile
 * stages: the few host variables a build may see, the C locale and UTC, and a fixed build time,
 * user and host, so the same inputs give the same bytes whatever agent runs them.
 */
public final class BuildEnvironment {
  /** Who and where the kernel's version string says the build was made. */
  public static final String BUILD_USER = "askbuild";

  public static final String BUILD_HOST = "askbuild";

  /** The host variables a build sees; everything else an agent exports is left behind. */
  static final List<String> HOST_VISIBLE = List.of("PATH", "HOME", "USER", "LOGNAME", "TMPDIR", "TERM");

  private BuildEnvironment() {}

  /**
   * What a build may take from the host environment: where programs are, whose home, where
   * temporary files go, with the C locale and UTC. Anything else an agent happens to export ({@code
   * CC}, {@code CFLAGS}, {@code MAKEFLAGS}, {@code CPATH}, {@code LIBRARY_PATH}, {@code
   * CROSS_COMPILE}, {@code KCFLAGS}, ...) would change what the same inputs build into, or point a
   * target compile at host headers.
   */
  public static Map<String, String> fromHost(Map<String, String> host) {
    Map<String, String> env = new TreeMap<>();
    for (String name : HOST_VISIBLE) {
      if (host.containsKey(name)) {
        env.put(name, host.get(name));
      }
    }
    env.putIfAbsent("PATH", "/usr/bin:/bin");
    env.putAll(locale());
    return env;
  }

  /** The C locale and UTC: messages, sorting and dates the same on every host. */
  public static Map<String, String> locale() {
    return Map.of("LC_ALL", "C", "TZ", "UTC");
  }

  /**
   * The variables that pin a build's time and identity: {@code SOURCE_DATE_EPOCH} for compilers and
   * archivers, {@code KBUILD_BUILD_*} for the kernel's version string and modules, with the locale.
   * A map a command's own environment is laid over, so a make run from a make (tests, CI
   * wrappers) does not leak its jobserver or flags either.
   */
  public static Map<String, String> reproducible(long epoch) {
    Map<String, String> env = new TreeMap<>(locale());
    env.put("SOURCE_DATE_EPOCH", Long.toString(epoch));
    env.put("KBUILD_BUILD_TIMESTAMP", "@" + epoch);
    env.put("KBUILD_BUILD_USER", BUILD_USER);
    env.put("KBUILD_BUILD_HOST", BUILD_HOST);
    env.put("MAKEFLAGS", null);
    env.put("MFLAGS", null);
    env.put("MAKELEVEL", null);
    return env;
  }
}
