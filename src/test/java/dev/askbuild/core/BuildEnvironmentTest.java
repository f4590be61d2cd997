package dev.askbuild.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildEnvironmentTest {
  @TempDir Path dir;

  @Test
  void whatAnAgentExportsForItsOwnBuildsNeverReachesOurs() throws Exception {
    Map<String, String> agent = Map.of(
        "PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", "/var/lib/jenkins", "CC", "clang",
        "CFLAGS", "-O0 -march=native", "MAKEFLAGS", "-k -j16", "CPATH", "/usr/include/x86_64-linux-gnu",
        "LIBRARY_PATH", "/usr/lib/x86_64-linux-gnu", "CROSS_COMPILE", "x86_64-linux-gnu-", "LANG", "de_DE.UTF-8");

    Map<String, String> env = BuildEnvironment.fromHost(agent);

    assertThat(env).containsOnlyKeys("PATH", "HOME", "LC_ALL", "TZ")
        .containsEntry("PATH", "/usr/local/bin:/usr/bin:/bin")
        .containsEntry("LC_ALL", "C");
    // And a command run with it sees exactly that.
    String seen = new ProcessRunner(env).capture(Command.of(dir, "env"));
    assertThat(seen).doesNotContain("CFLAGS", "MAKEFLAGS", "CPATH", "CROSS_COMPILE", "clang").contains("TZ=UTC");
  }
}
