package dev.askbuild.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.Libc;
import org.junit.jupiter.api.Test;

class BoardLibcTest {
  private static final String HEAD = "{\"name\":\"x\",\"description\":\"d\",\"toolchain\":{\"arch\":\"arm64\","
      + "\"crossCompile\":\"aarch64-linux-gnu-\",\"triple\":\"aarch64-linux-gnu\",\"interpreter\":\"/lib/ld-linux-aarch64.so.1\"},"
      + "\"kernel\":{\"baseConfig\":\"defconfig\",\"tarball\":\"k\"},\"ask\":{\"tarball\":\"a\"}";

  @Test
  void everyBoardHereIsGlibcAndABoardMaySayMusl() {
    for (String name : Boards.names()) {
      assertThat(Boards.load(name).toolchain().libc()).as(name).isEqualTo(Libc.GLIBC);
    }
    BoardProfile musl = Boards.parse("x.json", HEAD + ",\"libc\":\"musl\"}");
    assertThat(musl.toolchain().libc()).isEqualTo(Libc.MUSL);
    assertThat(musl.toolchain().loader()).isEqualTo("/lib/ld-musl-aarch64.so.1");
    // A run's --libc overrides the board's default, and only the libc changes.
    BoardProfile glibc = musl.withLibc(Libc.GLIBC);
    assertThat(glibc.toolchain().loader()).isEqualTo("/lib/ld-linux-aarch64.so.1");
    assertThat(glibc.withLibc(Libc.MUSL)).isEqualTo(musl);
  }

  @Test
  void aBadLibcNamesTheFileAndTheField() {
    assertThatThrownBy(() -> Boards.parse("x.json", HEAD + ",\"libc\":\"bionic\"}"))
        .hasMessage("board profile x.json: field 'libc' must be glibc or musl, got 'bionic'");
  }
}
