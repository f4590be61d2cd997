package dev.askbuild.kernel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostToolsTest {
  @Test
  void missingToolsAreExit3NamingTheDebianPackages(@TempDir Path empty) {
    HostTools tools = new HostTools(empty.toString(), List.of(empty));

    assertThatThrownBy(() -> tools.require("aarch64-linux-gnu-"))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("aarch64-linux-gnu-gcc (not on PATH) - Debian package gcc-aarch64-linux-gnu")
        .hasMessageContaining("Debian package flex")
        .hasMessageContaining("Debian package bison")
        .hasMessageContaining("Debian package bc")
        .hasMessageContaining("libelf.h (not in " + empty + ") - Debian package libelf-dev")
        .hasMessageContaining("Debian package libssl-dev")
        .extracting(e -> ((AskBuildException) e).exitCode())
        .isEqualTo(ExitCode.ENVIRONMENT);
  }
}
