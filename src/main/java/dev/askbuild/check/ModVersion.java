package dev.askbuild.check;

import java.io.Serializable;

/** One {@code __versions} entry of a kernel module: the CRC it was built against for a symbol. */
public record ModVersion(long crc, String symbol) implements Serializable {
  public String crcHex() {
    return String.format("0x%08x", crc);
  }
}
