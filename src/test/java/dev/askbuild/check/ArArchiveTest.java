package dev.askbuild.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The ar reader on the name forms GNU and BSD ar write, and on archives cut or lying about sizes. */
class ArArchiveTest {
  private static String header(String name, int size) {
    return String.format("%-16s%-12s%-6s%-6s%-8s%-10d`\n", name, "0", "0", "0", "644", size);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void readsGnuLongNamesBsdNamesAndSkipsSymbolTables() {
    String longNames = "a_rather_long_object_name.o/\n";
    String archive = "!<arch>\n"
        + header("/", 4) + "\0\0\0\0"
        + header("//", longNames.length()) + longNames + "\n" // odd size: padded to even
        + header("/0", 3) + "abc" + "\n"
        + header("short.o/", 2) + "xy"
        + header("#1/8", 9) + "bsd.o\0\0\0" + "z" + "\n";

    assertThat(ArArchive.members("lib.a", bytes(archive)))
        .extracting(ArArchive.Member::name, ArArchive.Member::size)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a_rather_long_object_name.o", 3),
            org.assertj.core.groups.Tuple.tuple("short.o", 2),
            org.assertj.core.groups.Tuple.tuple("bsd.o", 1));
  }

  @Test
  void truncatedOrLyingArchivesFailNamingArchiveAndOffset() {
    assertThatThrownBy(() -> ArArchive.members("cut.a", bytes("!<arch>\n" + header("a.o/", 2).substring(0, 30))))
        .isInstanceOf(AskBuildException.class).hasMessageContaining("cut.a: malformed ar archive at offset 8");
    assertThatThrownBy(() -> ArArchive.members("big.a", bytes("!<arch>\n" + header("a.o/", 999999) + "xx")))
        .hasMessageContaining("runs past the end");
    assertThatThrownBy(() -> ArArchive.members("name.a", bytes("!<arch>\n" + header("/77", 1) + "x")))
        .hasMessageContaining("outside the 0-byte name table");
    assertThatThrownBy(() -> ArArchive.members("neg.a", bytes("!<arch>\n" + header("a.o/", 0).replace("0         `", "-1        `"))))
        .hasMessageContaining("is not a decimal size");
  }
}
