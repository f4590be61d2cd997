package dev.askbuild.check;

import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exported symbols by name, as in a {@code Module.symvers}: {@code 0xCRC<TAB>symbol<TAB>module<TAB>
 * export-type[<TAB>namespace]}. The first source added wins, so the kernel's entries shadow a
 * sibling's, as modpost's do.
 */
public final class Symvers {
  private final Map<String, SymversEntry> entries = new HashMap<>();

  public static Symvers parse(Path file) {
    Symvers symvers = new Symvers();
    symvers.addFile(file);
    return symvers;
  }

  public void addFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readString(file, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw AskBuildException.badInput(file + ": cannot read: " + e.getMessage(), e);
    }
    // A kernel's file has tens of thousands of lines, read while the check's scan runs and before
    // any code is compiled: the fields are cut at their tabs, not by String.split, and the few
    // distinct module names and export types are kept once.
    Map<String, String> shared = new HashMap<>();
    int n = 0;
    for (String line : lines) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      int crcEnd = line.indexOf('\t');
      int symbolEnd = crcEnd < 0 ? -1 : line.indexOf('\t', crcEnd + 1);
      if (symbolEnd < 0 || crcEnd < 2 || !line.startsWith("0x")) {
        throw AskBuildException.badInput(file + ":" + n + ": not a Module.symvers line: " + line);
      }
      int moduleEnd = end(line, symbolEnd + 1);
      long crc;
      try {
        crc = Long.parseLong(line, 2, crcEnd, 16);
      } catch (NumberFormatException e) {
        throw AskBuildException.badInput(file + ":" + n + ": bad CRC " + line.substring(0, crcEnd));
      }
      String module = line.substring(symbolEnd + 1, moduleEnd);
      String exportType = moduleEnd == line.length() ? "EXPORT_SYMBOL" : line.substring(moduleEnd + 1, end(line, moduleEnd + 1));
      add(new SymversEntry(line.substring(crcEnd + 1, symbolEnd), crc, shared.computeIfAbsent(module, m -> m),
          shared.computeIfAbsent(exportType, t -> t)));
    }
  }

  /** Where the tab-separated field starting at {@code from} ends. */
  private static int end(String line, int from) {
    int tab = line.indexOf('\t', from);
    return tab < 0 ? line.length() : tab;
  }

  public void add(SymversEntry entry) {
    entries.putIfAbsent(entry.symbol(), entry);
  }

  public Optional<SymversEntry> get(String symbol) {
    return Optional.ofNullable(entry(symbol));
  }

  /** {@link #get} without the Optional, for the check's hundreds of thousands of lookups. */
  SymversEntry entry(String symbol) {
    return entries.get(symbol);
  }

  public int size() {
    return entries.size();
  }
}
