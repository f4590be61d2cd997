package dev.askbuild.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Collects every symbol a kernel tree declares with {@code config} or {@code menuconfig}, by one
 * pass over its {@code Kconfig*} files (about 1,700 in 6.12) instead of a grep of the whole tree per
 * symbol. Kconfig files of other architectures are skipped: their symbols cannot be set for ours.
 */
final class KconfigScanner {
  private KconfigScanner() {}

  static Set<String> declaredSymbols(Path tree, String arch) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(tree)) {
      files =
          walk.filter(p -> p.getFileName().toString().startsWith("Kconfig"))
              .filter(p -> !otherArch(tree.relativize(p), arch))
              .filter(Files::isRegularFile)
              .toList();
    }
    try {
      return files.parallelStream()
          .flatMap(f -> symbolsIn(f).stream())
          .collect(Collectors.toCollection(HashSet::new));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean otherArch(Path relative, String arch) {
    return relative.getNameCount() > 2
        && relative.getName(0).toString().equals("arch")
        && !relative.getName(1).toString().equals(arch);
  }

  static Set<String> symbolsIn(Path file) {
    try {
      return symbolsInText(Files.readString(file, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** True for a Kconfig file of another architecture than {@code arch}, by its tree path. */
  static boolean otherArch(String relative, String arch) {
    return otherArch(Path.of(relative), arch);
  }

  /** The symbols one Kconfig text declares; lines are matched by hand since this is the hot loop. */
  static Set<String> symbolsInText(String text) {
    Set<String> symbols = new HashSet<>();
    int pos = 0;
    int length = text.length();
    while (pos < length) {
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        end = length;
      }
      int i = pos;
      while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      int keywordEnd = -1;
      if (text.startsWith("config", i)) {
        keywordEnd = i + 6;
      } else if (text.startsWith("menuconfig", i)) {
        keywordEnd = i + 10;
      }
      if (keywordEnd > 0 && keywordEnd < end && Character.isWhitespace(text.charAt(keywordEnd))) {
        int start = keywordEnd;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
          start++;
        }
        int stop = start;
        while (stop < end && (Character.isLetterOrDigit(text.charAt(stop)) || text.charAt(stop) == '_')) {
          stop++;
        }
        if (stop > start) {
          symbols.add("CONFIG_" + text.substring(start, stop));
        }
      }
      pos = end + 1;
    }
    return symbols;
  }
}
