package dev.askbuild.kernel;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a kernel tarball's tree holds once the board's patch series is applied, learnt by streaming
 * the tarball and patching only the files the series touches: its paths, the config symbols its
 * Kconfig files declare (other architectures' left out), and the symbols its sources export. Taken
 * at verify, so a series that does not apply, or a tree without what a component needs, is found
 * before the sysroot and the kernel build run.
 *
 * @param version the tree's version as its Makefile states it
 * @param patched the paths the patch series touches
 */
public record KernelSurvey(
    String tarball,
    String version,
    Set<String> paths,
    Set<String> symbols,
    Set<String> exports,
    Set<String> patched,
    List<String> messages)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public KernelSurvey {
    paths = new TreeSet<>(paths);
    symbols = new TreeSet<>(symbols);
    exports = new TreeSet<>(exports);
    patched = new TreeSet<>(patched);
    messages = List.copyOf(messages);
  }

  /** True when the patched tree has this file or directory. */
  public boolean has(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return paths.contains(p);
  }

  /** True when a Kconfig file of the patched tree declares {@code CONFIG_NAME}. */
  public boolean declares(String symbol) {
    return symbols.contains(symbol.startsWith("CONFIG_") ? symbol : "CONFIG_" + symbol);
  }

  /** True when a source of the patched tree exports the symbol ({@code EXPORT_SYMBOL*}). */
  public boolean exports(String symbol) {
    return exports.contains(symbol);
  }

  KernelSurvey withMessages(List<String> lines) {
    return new KernelSurvey(tarball, version, paths, symbols, exports, patched, lines);
  }
}
