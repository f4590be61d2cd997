package dev.askbuild.check;

import dev.askbuild.core.Command;
import dev.askbuild.core.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real ELF files for the tests: binaries built with the cross toolchain, and Debian's arm64 kernel
 * image and headers (downloaded by .ci/fetch-test-packages, extracted with dpkg-deb), cached under
 * the {@code askbuild.test.cache} directory.
 */
final class Fixtures {
  static final Path SYSROOT = Path.of("/usr/aarch64-linux-gnu");
  static final ProcessRunner RUNNER = ProcessRunner.inheritingEnvironment();

  private Fixtures() {}

  static Path cache() {
    return Path.of(System.getProperty("askbuild.test.cache", "target/test-cache")).toAbsolutePath();
  }

  static Path projectDir() {
    return Path.of(System.getProperty("askbuild.project.dir", ".")).toAbsolutePath();
  }

  static String run(Path dir, String... argv) {
    try {
      return RUNNER.capture(Command.of(dir, argv));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Cross-built binaries: hello, libgreet.so, usegreet, hello-x86, wronginterp, needsgone. */
  static synchronized Path binaries() {
    Path dir = cache().resolve("elf-fixtures");
    if (Files.exists(dir.resolve(".done"))) {
      return dir;
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("hello.c"), "#include <stdio.h>\nint main(void){puts(\"hello\");return 0;}\n");
      Files.writeString(dir.resolve("greet.c"), "#include <stdio.h>\nvoid greet(void){puts(\"hi\");}\n");
      Files.writeString(dir.resolve("gone.c"), "int gone(void){return 1;}\n");
      Files.writeString(dir.resolve("usegreet.c"), "void greet(void);\nint main(void){greet();return 0;}\n");
      Files.writeString(dir.resolve("usegone.c"), "int gone(void);\nint main(void){return gone();}\n");
      String cc = "aarch64-linux-gnu-gcc";
      run(dir, cc, "-O2", "-o", "hello", "hello.c");
      run(dir, cc, "-O2", "-shared", "-fPIC", "-Wl,-soname,libgreet.so", "-o", "libgreet.so", "greet.c");
      run(dir, cc, "-O2", "-shared", "-fPIC", "-Wl,-soname,libgone.so", "-o", "libgone.so", "gone.c");
      run(dir, cc, "-O2", "-o", "usegreet", "usegreet.c", "-L.", "-lgreet");
      run(dir, cc, "-O2", "-o", "needsgone", "usegone.c", "-L.", "-lgone");
      run(dir, cc, "-O2", "-Wl,--dynamic-linker=/lib/ld-musl-aarch64.so.1", "-o", "wronginterp", "hello.c");
      run(dir, cc, "-O2", "-Wl,-rpath,/home/builder/work/lib", "-o", "hostrpath", "hello.c");
      run(dir, "gcc", "-O2", "-o", "hello-x86", "hello.c");
      Files.writeString(dir.resolve(".done"), "");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Layouts the fake module is built in: ELF64/ELF32 (ILP32) times little/big endian. */
  static final List<String> LAYOUTS = List.of("le64", "be64", "le32", "be32");

  /**
   * A tiny module object with a {@code __versions} and {@code .modinfo} built in every layout (the
   * cross compiler's -mbig-endian and -mabi=ilp32 only need cc1 and as, no target libc).
   */
  static synchronized Path fakeModules() {
    Path dir = cache().resolve("fakemod");
    if (Files.exists(dir.resolve(".done"))) {
      return dir;
    }
    try (var in = Fixtures.class.getResourceAsStream("fakemod.c")) {
      Files.createDirectories(dir);
      Files.write(dir.resolve("fakemod.c"), in.readAllBytes());
      for (String layout : LAYOUTS) {
        List<String> argv = new java.util.ArrayList<>(List.of("aarch64-linux-gnu-gcc", "-O2", "-c"));
        if (layout.startsWith("be")) {
          argv.add("-mbig-endian");
        }
        if (layout.endsWith("32")) {
          argv.add("-mabi=ilp32");
        }
        argv.addAll(List.of("-o", "fakemod-" + layout + ".ko", "fakemod.c"));
        run(dir, argv.toArray(String[]::new));
      }
      Files.writeString(dir.resolve(".done"), "");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies named fixture binaries into a fresh dist directory. */
  static Path dist(Path root, String... names) throws IOException {
    Path dist = root.resolve("dist");
    Files.createDirectories(dist.resolve("usr/bin"));
    Files.createDirectories(dist.resolve("usr/lib"));
    for (String name : names) {
      Path target = name.endsWith(".so") ? dist.resolve("usr/lib").resolve(name) : dist.resolve("usr/bin").resolve(name);
      Files.copy(binaries().resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
    }
    return dist;
  }

  /** Debian's arm64 kernel packages, extracted: {@code root/lib/modules/ABI}, {@code root/usr/src/...}. */
  static synchronized Path debian() {
    Path root = cache().resolve("debian-root");
    if (Files.exists(root.resolve(".done"))) {
      return root;
    }
    Path debs = cache().resolve("debs");
    if (!Files.exists(debs.resolve("ABI"))) {
      run(projectDir(), "bash", projectDir().resolve(".ci/fetch-test-packages").toString(), cache().toString());
    }
    try {
      Files.createDirectories(root);
      try (Stream<Path> s = Files.list(debs)) {
        for (Path deb : s.filter(p -> p.toString().endsWith(".deb")).sorted().toList()) {
          run(root, "dpkg-deb", "-x", deb.toString(), root.toString());
        }
      }
      Files.writeString(root.resolve(".done"), "");
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String abi() {
    debian();
    try {
      return Files.readString(cache().resolve("debs/ABI"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path modules() {
    return debian().resolve("lib/modules/" + abi() + "-arm64/kernel");
  }

  static Path headers() {
    return debian().resolve("usr/src/linux-headers-" + abi() + "-arm64");
  }

  /** A module by its path under kernel/, e.g. {@code fs/fat/vfat.ko}. */
  static Path module(String rel) {
    return modules().resolve(rel);
  }

  /** Every n-th Debian module, for differential tests over a spread of drivers. */
  static List<Path> sampleModules(int every) {
    try (Stream<Path> s = Files.walk(modules())) {
      List<Path> all = s.filter(p -> p.toString().endsWith(".ko")).sorted().toList();
      if (all.isEmpty()) {
        // The differential tests would then compare only the fake modules, and say nothing of Debian's.
        throw new IllegalStateException("no .ko under " + modules());
      }
      return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % every == 0).mapToObj(all::get).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A kernel dir that is the Debian headers, with the given changes: copied .config, symvers, release. */
  static Path fakeKernel(Path root, String release, java.util.function.Predicate<String> keepSymversLine) throws IOException {
    Path k = root.resolve("kernel");
    Files.createDirectories(k.resolve("include/config"));
    Files.copy(headers().resolve(".config"), k.resolve(".config"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(k.resolve("include/config/kernel.release"), release + "\n");
    List<String> lines = Files.readAllLines(headers().resolve("Module.symvers")).stream().filter(keepSymversLine).toList();
    Files.write(k.resolve("Module.symvers"), lines);
    return k;
  }
}
