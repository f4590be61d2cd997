package dev.askbuild.verify;

import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SHA256SUMS in GNU coreutils format: {@code <64 hex>  <name>} (text mode) or {@code <64
 * hex> *<name>} (binary mode), with blank lines and {@code #} comments. A leading backslash marks a
 * name with {@code \\} and {@code \n} escapes, as coreutils writes them.
 */
public final class ChecksumListParser {
  private static final Pattern LINE = Pattern.compile("(\\\\?)([0-9A-Fa-f]{64}) ([ *])(.+)");

  private ChecksumListParser() {}

  public static ChecksumList parse(Path sums) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(sums, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw AskBuildException.badInput("checksum list " + sums + " does not exist");
    } catch (java.nio.charset.MalformedInputException e) {
      throw AskBuildException.badInput("checksum list " + sums + " is not UTF-8 text");
    }
    List<ChecksumEntry> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int lineNumber = i + 1;
      String line = stripCarriageReturn(lines.get(i));
      if (line.startsWith("\uFEFF")) {
        // An editor's byte order mark: sha256sum -c reads it as part of the first hash.
        throw AskBuildException.badInput(sums + ":" + lineNumber + ": starts with a UTF-8 byte order mark (BOM,"
            + " bytes EF BB BF), which sha256sum does not read; save the file without it");
      }
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw AskBuildException.badInput(
            sums
                + ":"
                + lineNumber
                + ": malformed line, expected '<64 hex digits>  <name>' or '<64 hex digits> *<name>'");
      }
      String name = m.group(1).isEmpty() ? m.group(4) : unescape(m.group(4), sums, lineNumber);
      PackageNames.requireInside(name, sums + ":" + lineNumber);
      Integer previous = seen.putIfAbsent(name, lineNumber);
      if (previous != null) {
        throw AskBuildException.badInput(
            sums + ":" + lineNumber + ": " + name + " is already listed on line " + previous);
      }
      entries.add(new ChecksumEntry(lineNumber, m.group(2).toLowerCase(Locale.ROOT), name));
    }
    return new ChecksumList(sums, entries);
  }

  private static String stripCarriageReturn(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static String unescape(String name, Path sums, int lineNumber) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (i + 1 == name.length()) {
        throw AskBuildException.badInput(sums + ":" + lineNumber + ": dangling backslash in name");
      }
      char next = name.charAt(++i);
      switch (next) {
        case '\\' -> sb.append('\\');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        default -> throw AskBuildException.badInput(
            sums + ":" + lineNumber + ": unknown escape \\" + next + " in name");
      }
    }
    return sb.toString();
  }
}
