package dev.askbuild.verify;

import java.nio.file.Path;
import java.util.List;

/** A parsed SHA256SUMS file: its entries in file order. */
public record ChecksumList(Path source, List<ChecksumEntry> entries) {
  public ChecksumList {
    entries = List.copyOf(entries);
  }
}
