package dev.askbuild.extract;

import dev.askbuild.core.AskBuildException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** The compression wrapped around a tar stream, told by its magic bytes, never by file name. */
public enum ArchiveFormat {
  TAR,
  GZIP,
  BZIP2,
  XZ,
  ZSTD;

  private static final int TAR_HEADER = 512;

  /** Looks at the first bytes of {@code in} (which must support mark/reset). */
  static ArchiveFormat detect(BufferedInputStream in, Path archive) throws IOException {
    in.mark(TAR_HEADER);
    byte[] head = in.readNBytes(TAR_HEADER);
    in.reset();
    if (startsWith(head, 0x1f, 0x8b)) {
      return GZIP;
    }
    if (startsWith(head, 'B', 'Z', 'h')) {
      return BZIP2;
    }
    if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
      return XZ;
    }
    if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) {
      return ZSTD;
    }
    if (head.length == TAR_HEADER && isTarHeader(head)) {
      return TAR;
    }
    if (head.length == 0) {
      throw AskBuildException.badInput(archive + " is empty (0 bytes), not a tar archive");
    }
    if (startsWith(head, 'P', 'K', 0x03, 0x04) || startsWith(head, 'P', 'K', 0x05, 0x06)) {
      throw AskBuildException.badInput(archive + " is a zip archive, not a tar (plain, gzip, xz, bzip2 or zstd);"
          + " repack it as a tarball");
    }
    throw AskBuildException.badInput(
        archive + " is not a tar archive (plain, gzip, xz, bzip2 or zstd): unknown leading bytes");
  }

  /** The decompressed tar stream. Concatenated members are read as one, as GNU tar does. */
  InputStream open(InputStream in) throws IOException {
    return switch (this) {
      case TAR -> in;
      case GZIP -> new GzipCompressorInputStream(in, true);
      case BZIP2 -> new BZip2CompressorInputStream(in, true);
      case XZ -> new XZCompressorInputStream(in, true);
      case ZSTD -> new ZstdCompressorInputStream(in);
    };
  }

  /**
   * The host program that decodes this format several times faster than the Java decoder, if there
   * is one worth using: xz and bzip2 in Java are pure bytecode, while gzip (the JDK's zlib) and
   * zstd (zstd-jni) are native already. It only turns bytes into bytes: every entry is still
   * checked here.
   */
  Optional<List<String>> hostDecoder() {
    return switch (this) {
      // A kernel tarball needs a 64 MiB dictionary; a header asking for more than 1 GiB is hostile.
      case XZ -> Optional.of(List.of("xz", "--decompress", "--stdout", "--memlimit-decompress=1GiB"));
      case BZIP2 -> Optional.of(List.of("bzip2", "--decompress", "--stdout"));
      default -> Optional.empty();
    };
  }

  private static boolean startsWith(byte[] data, int... magic) {
    if (data.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((data[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A tar header carries a checksum of itself at offset 148: the only reliable mark, since old v7
   * archives have no "ustar" magic.
   */
  static boolean isTarHeader(byte[] header) {
    String field = new String(header, 148, 8, java.nio.charset.StandardCharsets.US_ASCII).trim();
    int nul = field.indexOf('\0');
    if (nul >= 0) {
      field = field.substring(0, nul).trim();
    }
    if (field.isEmpty() || !field.matches("[0-7]+")) {
      return false;
    }
    long stored = Long.parseLong(field, 8);
    long unsigned = 0;
    for (int i = 0; i < header.length; i++) {
      unsigned += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
    }
    return stored == unsigned;
  }
}
