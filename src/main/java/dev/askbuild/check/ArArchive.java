package dev.askbuild.check;

import dev.askbuild.core.AskBuildException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reader of {@code ar} archives (static libraries) held in memory: the member names and bytes,
 * nothing written anywhere. It reads the common format as GNU and BSD {@code ar} write it: 60-byte
 * member headers, the GNU symbol tables ({@code /}, {@code /SYM64/}) and long-name table ({@code //},
 * names {@code /OFFSET}), BSD's names in the data ({@code #1/LENGTH}) and symbol tables ({@code
 * __.SYMDEF}). Every size and offset is checked against the archive, so a malformed one ends in an
 * {@link AskBuildException} naming the archive and the offset.
 *
 * <p>This is not the extract stage's job: nothing is unpacked to disk, the members are only looked at,
 * the way {@link ElfReader} looks at a file.
 */
final class ArArchive {
  static final byte[] MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
  /** GNU's thin archive: members are names of files on the build host, not bytes in the archive. */
  static final byte[] THIN_MAGIC = "!<thin>\n".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 60;

  /** One member: its name and where its bytes are in the archive. */
  record Member(String name, int offset, int size) {}

  private ArArchive() {}

  static boolean isArchive(byte[] content) {
    return startsWith(content, MAGIC);
  }

  static boolean isThin(byte[] content) {
    return startsWith(content, THIN_MAGIC);
  }

  /** The archive's members in order, symbol and name tables left out. */
  static List<Member> members(String name, byte[] content) {
    if (!isArchive(content)) {
      throw malformed(name, 0, "no ar magic (!<arch>)");
    }
    List<Member> members = new ArrayList<>();
    byte[] longNames = new byte[0];
    long pos = MAGIC.length;
    while (pos < content.length) {
      if (content.length - pos < HEADER) {
        throw malformed(name, pos, "a member header needs 60 bytes, " + (content.length - pos) + " are left");
      }
      int at = (int) pos;
      if (content[at + 58] != '`' || content[at + 59] != '\n') {
        throw malformed(name, pos, "member header does not end in `\\n");
      }
      String rawName = ascii(content, at, 16).stripTrailing();
      long size = decimal(name, content, at + 48, 10, pos);
      long data = pos + HEADER;
      if (size > content.length - data) {
        throw malformed(name, pos, "member of " + size + " bytes runs past the end of the archive");
      }
      String memberName;
      int start = (int) data;
      int length = (int) size;
      if (rawName.equals("/") || rawName.equals("/SYM64/") || rawName.startsWith("__.SYMDEF")) {
        memberName = null; // symbol table
      } else if (rawName.equals("//")) {
        longNames = Arrays.copyOfRange(content, start, start + length);
        memberName = null;
      } else if (rawName.startsWith("#1/")) {
        long nameLength = decimal(name, rawName.substring(3).getBytes(StandardCharsets.US_ASCII), 0,
            rawName.length() - 3, pos);
        if (nameLength > size) {
          throw malformed(name, pos, "BSD name of " + nameLength + " bytes is longer than its member");
        }
        memberName = zeroTerminated(content, start, (int) nameLength);
        start += (int) nameLength;
        length -= (int) nameLength;
        memberName = memberName.startsWith("__.SYMDEF") ? null : memberName;
      } else if (rawName.startsWith("/") && rawName.length() > 1) {
        long offset = decimal(name, rawName.substring(1).getBytes(StandardCharsets.US_ASCII), 0,
            rawName.length() - 1, pos);
        memberName = longName(name, longNames, offset, pos);
      } else {
        memberName = rawName.endsWith("/") ? rawName.substring(0, rawName.length() - 1) : rawName;
      }
      if (memberName != null) {
        members.add(new Member(memberName, start, length));
      }
      pos = data + size + (size & 1); // members start on even offsets
    }
    return members;
  }

  private static String longName(String name, byte[] table, long offset, long pos) {
    if (offset >= table.length) {
      throw malformed(name, pos, "long name at " + offset + " lies outside the " + table.length + "-byte name table");
    }
    int end = (int) offset;
    while (end < table.length && table[end] != '\n') {
      end++;
    }
    String entry = new String(table, (int) offset, end - (int) offset, StandardCharsets.UTF_8);
    return entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
  }

  private static long decimal(String name, byte[] bytes, int offset, int length, long pos) {
    String text = ascii(bytes, offset, length).strip();
    if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
      throw malformed(name, pos, "'" + text + "' is not a decimal size");
    }
    return Long.parseLong(text);
  }

  private static String ascii(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.US_ASCII);
  }

  private static String zeroTerminated(byte[] bytes, int offset, int length) {
    int end = offset;
    while (end < offset + length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }

  private static AskBuildException malformed(String name, long offset, String what) {
    return AskBuildException.badInput(name + ": malformed ar archive at offset " + offset + ": " + what);
  }
}
