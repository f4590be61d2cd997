package dev.askbuild.check;

import dev.askbuild.core.AskBuildException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The checks of the files in dist that are not ELF, so that no file passes with no check at all.
 *
 * <p>An {@code ar} archive (a static library) is checked member by member: every member must be an
 * ELF object of the board's class and machine, as Buildroot's {@code check-bin-arch} would have it if
 * it looked inside archives. A GNU thin archive fails: its members are names of files on the build
 * host, so it is useless anywhere else.
 *
 * <p>Any other file must be an allowed data type. The list is short on purpose, one type: <b>text</b>
 * (UTF-8 without NUL or control characters other than tab, newline, carriage return, form feed,
 * vertical tab and escape). ASK installs, besides its binaries, only what the board reads as text:
 * dpa_app's and fmc's XML configuration and PCD files, cmm's configuration, start-up scripts, and
 * {@code Module.symvers} for modules built against ours. Anything else (compressed data, a tarball, a
 * host object file's leftovers, an empty file from a failed step) is not something this kit ships, so
 * it fails naming the file and what it looks like; a board that must ship another type (a device tree
 * blob, firmware) adds it here with its reason.
 */
final class NonElfChecks {
  static final String EXPECTED = "ELF, an ar archive of ELF objects, or text";
  /** How many member names a failure lists; checks.json's detail has the count of the rest. */
  private static final int NAMES_SHOWN = 10;

  private NonElfChecks() {}

  /** The artifact kind and the results for a non-ELF file of dist read into {@code content}. */
  record Outcome(String kind, List<CheckResult> results) {}

  static Outcome check(String path, byte[] content, CheckTarget target) {
    if (ArArchive.isArchive(content)) {
      return new Outcome("ar-archive", archive(path, content, target));
    }
    if (ArArchive.isThin(content)) {
      return new Outcome("thin-ar-archive", List.of(CheckResult.fail(path, "ar.members", "ELF objects in the archive",
          "thin archive", "a thin archive holds only the names of object files on the build host")));
    }
    if (content.length == 0) {
      return new Outcome("empty", List.of(CheckResult.fail(path, "file.type", EXPECTED, "empty file",
          "an empty file is nothing the board runs or reads; often a build step's failed output")));
    }
    if (isText(content)) {
      return new Outcome("text", List.of(CheckResult.pass(path, "file.type", EXPECTED, "text")));
    }
    String what = dataType(content);
    return new Outcome("data", List.of(CheckResult.fail(path, "file.type", EXPECTED, what,
        "neither ELF, an ar archive nor text: dist holds what the board runs, links or reads as text")));
  }

  /** A file too large to read whole (over 64 MiB) that is not ELF: by its first bytes only. */
  static Outcome checkLarge(String path, byte[] head) {
    String what = ArArchive.isArchive(head) ? "ar archive over 64 MiB" : dataType(head);
    return new Outcome("data", List.of(CheckResult.fail(path, "file.type", EXPECTED, what,
        "over 64 MiB and not ELF: no static library or text file of this kit is that large")));
  }

  private static List<CheckResult> archive(String path, byte[] content, CheckTarget target) {
    List<ArArchive.Member> members;
    try {
      members = ArArchive.members(path, content);
    } catch (AskBuildException e) {
      return List.of(CheckResult.fail(path, "ar.members", "ELF objects in the archive", "malformed", e.getMessage()));
    }
    if (members.isEmpty()) {
      return List.of(CheckResult.fail(path, "ar.members", "ELF objects in the archive", "no members",
          "an archive without objects links nothing"));
    }
    List<String> notElf = new ArrayList<>();
    List<String> malformed = new ArrayList<>();
    Map<String, ElfHeader> headers = new LinkedHashMap<>();
    for (ArArchive.Member m : members) {
      byte[] bytes = Arrays.copyOfRange(content, m.offset(), m.offset() + m.size());
      if (!(bytes.length >= 4 && bytes[0] == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F')) {
        notElf.add(m.name());
        continue;
      }
      try {
        headers.put(m.name(), ElfReader.read(path + "(" + m.name() + ")", bytes).header());
      } catch (AskBuildException e) {
        malformed.add(e.getMessage());
      }
    }
    List<CheckResult> out = new ArrayList<>();
    if (notElf.isEmpty() && malformed.isEmpty()) {
      out.add(CheckResult.pass(path, "ar.members", "ELF objects in the archive", members.size() + " ELF objects"));
    } else {
      List<String> problems = new ArrayList<>();
      if (!notElf.isEmpty()) {
        problems.add(notElf.size() + " of " + members.size() + " members not ELF: " + names(notElf));
      }
      if (!malformed.isEmpty()) {
        problems.add(malformed.size() + " malformed: " + names(malformed));
      }
      out.add(CheckResult.fail(path, "ar.members", "ELF objects in the archive", String.join("; ", problems),
          "every member of a static library must be an object for the board"));
    }
    if (!headers.isEmpty()) {
      out.add(agree(path, "elf.class", headers, h -> Elf.className(h.elfClass()),
          Elf.className(target.elfClass()), "wrong word size for the board"));
      out.add(agree(path, "elf.machine", headers, h -> Elf.machineName(h.machine()),
          Elf.machineName(target.machine()), "built for another architecture"));
    }
    return out;
  }

  /** One result for all members: pass when every member has {@code expected}, else fail naming the others. */
  private static CheckResult agree(String path, String check, Map<String, ElfHeader> headers,
      Function<ElfHeader, String> field, String expected, String why) {
    Map<String, List<String>> wrong = new LinkedHashMap<>();
    headers.forEach((member, header) -> {
      String value = field.apply(header);
      if (!value.equals(expected)) {
        wrong.computeIfAbsent(value, v -> new ArrayList<>()).add(member);
      }
    });
    if (wrong.isEmpty()) {
      return CheckResult.pass(path, check, expected, expected + " (" + headers.size() + " members)");
    }
    List<String> parts = new ArrayList<>();
    wrong.forEach((value, members) ->
        parts.add(value + " in " + members.size() + " of " + headers.size() + " members: " + names(members)));
    return CheckResult.fail(path, check, expected, String.join("; ", parts), why);
  }

  private static String names(List<String> names) {
    String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
    return names.size() > NAMES_SHOWN ? shown + ", and " + (names.size() - NAMES_SHOWN) + " more" : shown;
  }

  static boolean isText(byte[] content) {
    for (byte b : content) {
      int c = b & 0xff;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0b && c != 0x1b) {
        return false;
      }
      if (c == 0x7f) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** What a data file looks like, by the magic numbers of the formats a build leaves around. */
  static String dataType(byte[] b) {
    if (starts(b, 0x1f, 0x8b)) {
      return "gzip data";
    }
    if (starts(b, 'B', 'Z', 'h')) {
      return "bzip2 data";
    }
    if (starts(b, 0xfd, '7', 'z', 'X', 'Z', 0)) {
      return "xz data";
    }
    if (starts(b, 0x28, 0xb5, 0x2f, 0xfd)) {
      return "zstd data";
    }
    if (starts(b, 'P', 'K', 3, 4)) {
      return "zip archive";
    }
    if (starts(b, 0xd0, 0x0d, 0xfe, 0xed)) {
      return "device tree blob";
    }
    if (starts(b, '0', '7', '0', '7', '0')) {
      return "cpio archive";
    }
    if (b.length >= 262 && new String(b, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
      return "tar archive";
    }
    StringBuilder hex = new StringBuilder("data (first bytes");
    for (int i = 0; i < Math.min(8, b.length); i++) {
      hex.append(String.format(" %02x", b[i] & 0xff));
    }
    return hex.append(')').toString();
  }

  private static boolean starts(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
