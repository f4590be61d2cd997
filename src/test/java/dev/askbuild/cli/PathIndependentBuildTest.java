package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs give the same bytes whatever {@code --cache}, {@code --out} and working directory
 * a run has. The demo program is built with {@code -g} and includes libdemo's header from the
 * sysroot, which lives in the cache: without the compile stage's prefix maps its debug info names
 * {@code <cache>/sysroot-<key>/usr/include/demo/scale.h} and the two runs' {@code hello} (and the
 * reports that hash it) differ.
 */
class PathIndependentBuildTest {
  @Test
  void demoBuiltWithTwoCachesTwoOutDirsAndTwoWorkingDirectoriesIsByteIdentical(@TempDir Path dir) throws Exception {
    Path first = dir.resolve("a");
    Path second = dir.resolve("second-run/deeper");
    build(Files.createDirectories(first.resolve("cwd")), first.resolve("cache"), first.resolve("out"));
    build(Files.createDirectories(second.resolve("elsewhere/cwd")), second.resolve("another-cache"),
        second.resolve("out-two"));

    for (String sub : List.of("dist", "reports")) {
      // Every file by its SHA-256: the same names, the same bytes.
      Map<String, String> a = files(first.resolve("out").resolve(sub));
      Map<String, String> b = files(second.resolve("out-two").resolve(sub));
      assertThat(a).as(sub).isNotEmpty().isEqualTo(b);
    }
    // The program's debug info does name the sysroot's header, only by its fixed name.
    String hello = new String(Files.readAllBytes(first.resolve("out/dist/hello")), StandardCharsets.ISO_8859_1);
    assertThat(hello).contains("/sysroot/usr/include/demo").doesNotContain(first.toString());
  }

  /** {@code askbuild build} in its own process, started in {@code cwd}. */
  private static void build(Path cwd, Path cache, Path out) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "dev.askbuild.cli.Main", "build", "--board", "demo",
        "--target", "userspace", "--cache", cache.toString(), "--out", out.toString())
        .directory(cwd.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
  }

  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), dev.askbuild.core.Sha256.ofFile(p));
      }
    }
    return files;
  }
}
