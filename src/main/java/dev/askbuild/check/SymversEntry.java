package dev.askbuild.check;

import java.io.Serializable;

/** One exported symbol: its CRC, the module exporting it ({@code vmlinux} for the kernel), its kind. */
public record SymversEntry(String symbol, long crc, String module, String exportType) implements Serializable {
  public boolean gplOnly() {
    return exportType.contains("GPL");
  }

  public String crcHex() {
    return crc < 0 ? "none" : String.format("0x%08x", crc);
  }
}
