package dev.askbuild.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LibcTest {
  private static final Toolchain ARM64 = Toolchain.arm64();

  @Test
  void glibcIsTheDefaultAndMuslIsOnlyWhatIsAskedFor() {
    assertThat(ARM64.libc()).isEqualTo(Libc.GLIBC);
    assertThat(ARM64.loader()).isEqualTo("/lib/ld-linux-aarch64.so.1");
    Toolchain musl = ARM64.withLibc(Libc.MUSL);
    // The tools stay Debian's; the loader, the configure triple and the library directory are musl's.
    assertThat(musl.tool("gcc")).isEqualTo("aarch64-linux-gnu-gcc");
    assertThat(musl.loader()).isEqualTo("/lib/ld-musl-aarch64.so.1");
    assertThat(Libc.MUSL.hostTriple(musl)).isEqualTo("aarch64-linux-musl");
    assertThat(Libc.GLIBC.hostTriple(ARM64)).isEqualTo("aarch64-linux-gnu");
    assertThat(Libc.MUSL.libDir(musl)).isEqualTo("usr/lib");
    assertThat(Libc.GLIBC.libDir(ARM64)).isEqualTo("usr/lib/aarch64-linux-gnu");
    assertThat(musl.withLibc(Libc.GLIBC)).isEqualTo(ARM64);
  }

  @Test
  void onlyMuslAddsCompilerFlagsAndTheyPointIntoTheSysroot() {
    Path sysroot = Path.of("/cache/sysroot-musl-x");
    assertThat(Libc.GLIBC.compilerFlags(sysroot)).isEmpty();
    assertThat(Libc.MUSL.compilerFlags(sysroot))
        .containsExactly("--sysroot=/cache/sysroot-musl-x", "-specs=/cache/sysroot-musl-x/usr/lib/musl-gcc.specs");
  }

  @Test
  void anInterpreterTellsItsLibc() {
    assertThat(Libc.ofInterpreter("/lib/ld-musl-aarch64.so.1")).contains(Libc.MUSL);
    assertThat(Libc.ofInterpreter("/lib/ld-linux-aarch64.so.1")).contains(Libc.GLIBC);
    assertThat(Libc.ofInterpreter("/system/bin/linker64")).isEqualTo(Optional.empty());
  }

  @Test
  void anUnknownLibcIsExitTwoNamingWhereItCameFrom() {
    assertThat(Libc.parse("musl", "--libc")).isEqualTo(Libc.MUSL);
    assertThatThrownBy(() -> Libc.parse("uclibc", "--libc"))
        .isInstanceOf(AskBuildException.class)
        .hasMessage("--libc must be glibc or musl, got 'uclibc'")
        .satisfies(e -> assertThat(((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
  }
}
