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
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw AskBuildException.badInput(file + ": cannot read: " + e.getMessage(), e);
    }
    int n = 0;
    for (String line : lines) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 3 || !f[0].startsWith("0x")) {
        throw AskBuildException.badInput(file + ":" + n + ": not a Module.symvers line: " + line);
      }
      long crc;
      try {
        crc = Long.parseLong(f[0].substring(2), 16);
      } catch (NumberFormatException e) {
        throw AskBuildException.badInput(file + ":" + n + ": bad CRC " + f[0]);
      }
      add(new SymversEntry(f[1], crc, f[2], f.length > 3 ? f[3] : "EXPORT_SYMBOL"));
    }
  }

  public void add(SymversEntry entry) {
    entries.putIfAbsent(entry.symbol(), entry);
  }

  public Optional<SymversEntry> get(String symbol) {
    return Optional.ofNullable(entries.get(symbol));
  }

  public int size() {
    return entries.size();
  }
}
