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
import java.util.Arrays;

/**
 * Bounds-checked access to an ELF file's bytes. Every read is checked against the file's size, so a
 * malformed offset or count becomes an {@link AskBuildException} naming the file, never an
 * unchecked exception. Small files are read whole; large ones are memory-mapped (no heap cost).
 *
 * <p>A file read whole is read straight from its array, its words put together from their bytes,
 * rather than through a ByteBuffer: the check parses thousands of modules in a JVM that has just
 * started, and each ByteBuffer read is half a dozen calls deep, dear in the interpreter and a large
 * inlining tree for the JIT to compile (the ELF reader's methods were its costliest compilations).
 */
final class ElfInput {
  /** Files up to this size are read onto the heap; larger ones are mapped. */
  private static final long READ_WHOLE_LIMIT = 64L << 20;
  /** The largest file the reader accepts; a kernel image is a fraction of this. */
  static final long MAX_FILE_SIZE = (1L << 31) - 1;
  /** The longest name a string table may hold; longer ones are treated as malformed. */
  static final int MAX_STRING = 64 * 1024;

  private final String name;
  /** The file's bytes when read whole (the first {@link #size} of them), else null. */
  private final byte[] array;
  /** The file's bytes when mapped, else null. */
  private final ByteBuffer mapped;
  private final int size;
  private final NamePool names;
  private boolean bigEndian;
  private long stringBudget;

  private ElfInput(String name, byte[] array, ByteBuffer mapped, int size, NamePool names) {
    this.name = name;
    this.array = array;
    this.mapped = mapped;
    this.size = size;
    this.names = names;
    // Scanning strings costs at most a small multiple of the file: a table of many symbols that
    // all point into one long unterminated run cannot make the reader quadratic.
    this.stringBudget = Math.max(16L << 20, 8L * size);
  }

  static ElfInput open(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > MAX_FILE_SIZE) {
        throw AskBuildException.badInput(
            file + ": " + size + " bytes is larger than the " + MAX_FILE_SIZE + "-byte limit for ELF files");
      }
      if (size <= READ_WHOLE_LIMIT) {
        byte[] content = Files.readAllBytes(file);
        return new ElfInput(file.toString(), content, null, content.length, NamePool.NONE);
      }
      ByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
      return new ElfInput(file.toString(), null, buffer, buffer.capacity(), NamePool.NONE);
    } catch (IOException e) {
      throw AskBuildException.badInput(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  static ElfInput of(String name, byte[] content) {
    return new ElfInput(name, content, null, content.length, NamePool.NONE);
  }

  /**
   * The first {@code length} bytes of {@code content}, a buffer reused from file to file; names
   * that repeat from file to file are kept once in {@code names}.
   */
  static ElfInput of(String name, byte[] content, int length, NamePool names) {
    if (length < 0 || length > content.length) {
      throw new IllegalArgumentException(length + " bytes of a " + content.length + "-byte buffer");
    }
    return new ElfInput(name, content, null, length, names);
  }

  /** True when the bytes at {@code offset} (inside the file) start with {@code prefix}. */
  boolean startsWith(long offset, byte[] prefix) {
    if (offset < 0 || offset + prefix.length > size()) {
      return false;
    }
    int at = (int) offset;
    if (array != null) {
      return Arrays.equals(array, at, at + prefix.length, prefix, 0, prefix.length);
    }
    for (int i = 0; i < prefix.length; i++) {
      if (mapped.get(at + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  String name() {
    return name;
  }

  /** Where names that repeat from file to file are kept once (a scanner's, across its files). */
  NamePool names() {
    return names;
  }

  long size() {
    return size;
  }

  void order(ByteOrder order) {
    bigEndian = order == ByteOrder.BIG_ENDIAN;
    if (mapped != null) {
      mapped.order(order);
    }
  }

  ByteOrder order() {
    return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
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
    int at = (int) offset;
    return (array != null ? array[at] : mapped.get(at)) & 0xff;
  }

  int u16(long offset) {
    require(offset, 2, "half-word");
    int at = (int) offset;
    if (array == null) {
      return mapped.getShort(at) & 0xffff;
    }
    int b0 = array[at] & 0xff;
    int b1 = array[at + 1] & 0xff;
    return bigEndian ? b0 << 8 | b1 : b1 << 8 | b0;
  }

  long u32(long offset) {
    require(offset, 4, "word");
    int at = (int) offset;
    if (array == null) {
      return mapped.getInt(at) & 0xffffffffL;
    }
    return int32(at) & 0xffffffffL;
  }

  long u64(long offset) {
    require(offset, 8, "double-word");
    int at = (int) offset;
    if (array == null) {
      return mapped.getLong(at);
    }
    long first = int32(at) & 0xffffffffL;
    long second = int32(at + 4) & 0xffffffffL;
    return bigEndian ? first << 32 | second : second << 32 | first;
  }

  /** The four bytes of {@link #array} at {@code at}, in the file's byte order. */
  private int int32(int at) {
    int b0 = array[at] & 0xff;
    int b1 = array[at + 1] & 0xff;
    int b2 = array[at + 2] & 0xff;
    int b3 = array[at + 3] & 0xff;
    return bigEndian ? b0 << 24 | b1 << 16 | b2 << 8 | b3 : b3 << 24 | b2 << 16 | b1 << 8 | b0;
  }

  /** A word of the file's class: 4 bytes for ELF32, 8 for ELF64. */
  long word(long offset, boolean is64) {
    return is64 ? u64(offset) : u32(offset);
  }

  byte[] slice(long offset, long length, String what) {
    require(offset, length, what);
    int at = (int) offset;
    if (array != null) {
      return Arrays.copyOfRange(array, at, at + (int) length);
    }
    byte[] out = new byte[(int) length];
    mapped.get(at, out);
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
    int start = (int) offset;
    int max = (int) Math.min(limit, offset + MAX_STRING);
    for (int i = start; i < max; i++) {
      if (--stringBudget < 0) {
        throw malformed("string tables take more than " + (8 * size()) + " bytes to scan (overlapping strings)");
      }
      if ((array != null ? array[i] : mapped.get(i)) == 0) {
        if (array != null) {
          return new String(array, start, i - start, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[i - start];
        mapped.get(start, out);
        return new String(out, StandardCharsets.UTF_8);
      }
    }
    throw malformed(entry(what, index, table) + " at offset " + offset + " is not NUL-terminated within its table or "
        + MAX_STRING + " bytes");
  }

  private static String entry(String what, long index, String table) {
    return what + (index >= 0 ? " " + index : "") + (table != null ? " of " + table : "");
  }
}
