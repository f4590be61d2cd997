package dev.askbuild.sysroot;

import dev.askbuild.board.BuildKind;
import dev.askbuild.core.Toolchain;
import dev.askbuild.core.TrustedFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Progress;
import dev.askbuild.fixture.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defect 2: a sysroot is the same bytes whatever directory it was staged, built or cached
 * in. The genuine libnetfilter_conntrack (autotools and libtool, its {@code Libs.private} filled from
 * libnfnetlink's {@code .pc} through the sysroot) wrote its random staging path into its {@code .pc}
 * and {@code .la} files, so two builds of one key differed and {@code pkg-config --static} sent the
 * linker to a directory that no longer existed.
 */
class ReproducibleSysrootTest {
  @TempDir Path first;
  @TempDir Path second;

  @Test
  void issue13TwoColdBuildsAreTheSameBytesAndNameNoBuildDirectory() throws Exception {
    Path conntrack = Fixtures.cache().resolve("sources/libnetfilter_conntrack-1.1.0.tar.xz");
    assertThat(conntrack).as("fetched by .ci/fetch-test-sources").exists();

    Path one = build(first, conntrack);
    Path two = build(second, conntrack);

    Map<String, String> a = describe(one);
    Map<String, String> b = describe(two);
    assertThat(a).containsKey("usr/lib/aarch64-linux-gnu/pkgconfig/libnetfilter_conntrack.pc");
    assertThat(differences(a, b)).as("entries that differ between the two builds").isEmpty();
    List<String> leaks = new ArrayList<>();
    for (Path[] run : new Path[][] {{one, first}, {two, second}}) {
      leaks.addAll(filesContaining(run[0], run[1].toString()));
    }
    assertThat(leaks).as("files naming the directory they were built in").isEmpty();

    // Each file in its tools' convention: pkg-config adds the sysroot, libtool reads "=" as the sysroot.
    Path lib = one.resolve("usr/lib/aarch64-linux-gnu");
    assertThat(lib.resolve("pkgconfig/libnetfilter_conntrack.pc"))
        .content().contains("Libs.private: -L/usr/lib/aarch64-linux-gnu -lnfnetlink");
    assertThat(lib.resolve("libnetfilter_conntrack.la"))
        .content().contains("dependency_libs=' -L=/usr/lib/aarch64-linux-gnu -lnfnetlink -lmnl'");

    // pkg-config --static names only directories inside the sysroot that exist.
    String libs = Fixtures.run("env", "PKG_CONFIG_SYSROOT_DIR=" + one,
        "PKG_CONFIG_LIBDIR=" + one.resolve("usr/lib/aarch64-linux-gnu/pkgconfig"),
        "pkg-config", "--static", "--libs", "libnetfilter_conntrack");
    assertThat(libs).contains("-lnetfilter_conntrack", "-lnfnetlink", "-lmnl");
    for (String word : libs.strip().split("\\s+")) {
      if (word.startsWith("-L")) {
        assertThat(Path.of(word.substring(2))).as(word).isDirectory();
        assertThat(word).startsWith("-L" + one);
      }
    }
  }

  private static Path build(Path work, Path conntrack) throws IOException {
    SysrootRequest request = new SysrootRequest(Toolchain.arm64(),
        List.of("libnfnetlink-dev:arm64", "libmnl-dev:arm64"),
        List.of(new VendoredLibrary("libnetfilter_conntrack", TrustedFile.hash("conntrack", conntrack), List.of(), BuildKind.AUTOTOOLS,
            List.of("--enable-static", "--disable-shared"))),
        work.resolve("work"), work.resolve("cache"), Fixtures.EPOCH, 2);
    return new SysrootStage(ProcessRunner.inheritingEnvironment(), Progress.SILENT).run(request).path();
  }

  /** Every entry of a tree by relative path: a file's sha256, a link's target, or "dir". */
  private static Map<String, String> describe(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String name = root.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          entries.put(name, "link " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          entries.put(name, "dir");
        } else {
          entries.put(name, dev.askbuild.core.Sha256.ofFile(p));
        }
      }
    }
    return entries;
  }

  private static List<String> differences(Map<String, String> a, Map<String, String> b) {
    TreeMap<String, String> all = new TreeMap<>();
    a.forEach((name, what) -> all.put(name, what + " / " + b.getOrDefault(name, "(absent)")));
    b.forEach((name, what) -> all.putIfAbsent(name, "(absent) / " + what));
    all.values().removeIf(pair -> {
      String[] two = pair.split(" / ");
      return two[0].equals(two[1]);
    });
    return all.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
  }

  private static List<String> filesContaining(Path root, String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    List<String> hits = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && contains(Files.readAllBytes(p), needle)) {
          hits.add(p.toString());
        }
      }
    }
    return hits;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
