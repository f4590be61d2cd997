package dev.askbuild.check;

import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bounds-checked access to an ELF file's bytes. Every read is checked against the file's size, so a
 * malformed offset or count becomes an {@link AskBuildException} naming the file, never an
 * unchecked exception. Small files are read whole; large ones are memory-mapped (no heap cost).
 */
final class ElfInput {
  /** Files up to this size are read onto the heap; larger ones are mapped. */
  private static final long READ_WHOLE_LIMIT = 64L << 20;
  /** The largest file the reader accepts; a kernel image is a fraction of this. */
  static final long MAX_FILE_SIZE = (1L << 31) - 1;
  /** The longest name a string table may hold; longer ones are treated as malformed. */
  static final int MAX_STRING = 64 * 1024;

  private final String name;
  private final ByteBuffer bytes;
  private final NamePool names;
  private long stringBudget;

  private ElfInput(String name, ByteBuffer bytes, NamePool names) {
    this.name = name;
    this.bytes = bytes;
    this.names = names;
    // Scanning strings costs at most a small multiple of the file: a table of many symbols that
    // all point into one long unterminated run cannot make the reader quadratic.
    this.stringBudget = Math.max(16L << 20, 8L * bytes.capacity());
  }

  static ElfInput open(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > MAX_FILE_SIZE) {
        throw AskBuildException.badInput(
            file + ": " + size + " bytes is larger than the " + MAX_FILE_SIZE + "-byte limit for ELF files");
      }
      ByteBuffer buffer;
      if (size <= READ_WHOLE_LIMIT) {
        buffer = ByteBuffer.wrap(Files.readAllBytes(file));
      } else {
        buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
      }
      return new ElfInput(file.toString(), buffer, NamePool.NONE);
    } catch (IOException e) {
      throw AskBuildException.badInput(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  static ElfInput of(String name, byte[] content) {
    return new ElfInput(name, ByteBuffer.wrap(content), NamePool.NONE);
  }

  /**
   * The first {@code length} bytes of {@code content}, a buffer reused from file to file, whose
   * strings are taken from {@code names}.
   */
  static ElfInput of(String name, byte[] content, int length, NamePool names) {
    return new ElfInput(name, ByteBuffer.wrap(content, 0, length).slice(), names);
  }

  /** True when the bytes at {@code offset} (inside the file) start with {@code prefix}. */
  boolean startsWith(long offset, byte[] prefix) {
    if (offset < 0 || offset + prefix.length > size()) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes.get((int) offset + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  String name() {
    return name;
  }

  /** Where this input's strings come from (one copy of each name across a scanner's files). */
  NamePool names() {
    return names;
  }

  long size() {
    return bytes.capacity();
  }

  void order(ByteOrder order) {
    bytes.order(order);
  }

  ByteOrder order() {
    return bytes.order();
  }

  AskBuildException malformed(String what) {
    return AskBuildException.badInput(name + ": malformed ELF: " + what);
  }

  /** Fails unless {@code [offset, offset + length)} lies inside the file. */
  void require(long offset, long length, String what) {
    if (offset < 0 || length < 0 || offset > size() || length > size() - offset) {
      throw malformed(
          what + " at offset " + offset + " (+" + length + " bytes) lies outside the " + size() + "-byte file");
    }
  }

  int u8(long offset) {
    require(offset, 1, "byte");
    return bytes.get((int) offset) & 0xff;
  }

  int u16(long offset) {
    require(offset, 2, "half-word");
    return bytes.getShort((int) offset) & 0xffff;
  }

  long u32(long offset) {
    require(offset, 4, "word");
    return bytes.getInt((int) offset) & 0xffffffffL;
  }

  long u64(long offset) {
    require(offset, 8, "double-word");
    return bytes.getLong((int) offset);
  }

  /** A word of the file's class: 4 bytes for ELF32, 8 for ELF64. */
  long word(long offset, boolean is64) {
    return is64 ? u64(offset) : u32(offset);
  }

  byte[] slice(long offset, long length, String what) {
    require(offset, length, what);
    byte[] out = new byte[(int) length];
    bytes.get((int) offset, out);
    return out;
  }

  /** A NUL-terminated string starting at {@code offset}, which must end before {@code limit}. */
  String string(long offset, long limit, String what) {
    return string(offset, limit, what, -1, null);
  }

  /**
   * {@link #string(long, long, String)} for entry {@code index} of a table (of section {@code
   * table} when not null), named so in the error. The name is only built on an error: a module's
   * symbol table has thousands of entries, and building a message for each cost more than reading
   * them.
   */
  String string(long offset, long limit, String what, long index, String table) {
    if (offset < 0 || offset >= limit || limit > size()) {
      throw malformed(entry(what, index, table) + " at offset " + offset + " lies outside its string table");
    }
    long max = Math.min(limit, offset + MAX_STRING);
    for (long i = offset; i < max; i++) {
      if (--stringBudget < 0) {
        throw malformed("string tables take more than " + (8 * size()) + " bytes to scan (overlapping strings)");
      }
      if (bytes.get((int) i) == 0) {
        int length = (int) (i - offset);
        if (bytes.hasArray()) {
          return names.of(new String(bytes.array(), bytes.arrayOffset() + (int) offset, length, StandardCharsets.UTF_8));
        }
        byte[] out = new byte[length];
        bytes.get((int) offset, out);
        return names.of(new String(out, StandardCharsets.UTF_8));
      }
    }
    throw malformed(entry(what, index, table) + " at offset " + offset + " is not NUL-terminated within its table or "
        + MAX_STRING + " bytes");
  }

  private static String entry(String what, long index, String table) {
    return what + (index >= 0 ? " " + index : "") + (table != null ? " of " + table : "");
  }
}
