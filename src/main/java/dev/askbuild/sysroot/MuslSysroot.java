package dev.askbuild.sysroot;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Dpkg;
import dev.askbuild.core.Libc;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.core.Toolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A musl sysroot laid out as a musl system has it (Alpine's layout, musl's own {@code make
 * install}): musl's headers and Linux's UAPI headers in {@code usr/include}, musl's start files and
 * libraries in {@code usr/lib}, the loader {@code lib/ld-musl-<cpu>.so.1} a link to {@code
 * usr/lib/libc.so}, its library path in {@code etc/ld-musl-<cpu>.path}, and musl's specs file
 * rewritten to the sysroot.
 *
 * <p>The inputs are Debian's {@code musl-dev:<arch>} and {@code musl:<arch>} (what dpkg says they
 * installed, in {@code /usr/include/<cpu>-linux-musl} and {@code /usr/lib/<cpu>-linux-musl}) and the
 * kernel headers of {@code linux-libc-dev-<arch>-cross}, which do not depend on the C library.
 */
final class MuslSysroot {
  private final ProcessRunner runner;
  private final Toolchain toolchain;

  MuslSysroot(ProcessRunner runner, Toolchain toolchain) {
    this.runner = runner;
    this.toolchain = toolchain;
  }

  private String muslDir() {
    return toolchain.cpu() + "-linux-musl";
  }

  /** Debian's musl specs file, as its {@code <cpu>-linux-musl-gcc} wrapper uses it. */
  private Path hostSpecs() {
    return Path.of("/usr/lib", muslDir(), "musl-gcc.specs");
  }

  /** Exit 3 naming the packages when Debian's musl for the target is not installed. */
  void requireInstalled() throws IOException {
    Dpkg dpkg = new Dpkg(runner);
    List<String> missing = new java.util.ArrayList<>();
    for (String pkg : Libc.MUSL.debianPackages(toolchain)) {
      if (!dpkg.installed(pkg)) {
        missing.add(pkg);
      }
    }
    if (!missing.isEmpty() || !Files.isRegularFile(hostSpecs())) {
      throw AskBuildException.environment("musl for " + toolchain.cpu() + " is not installed: apt-get install "
          + String.join(" ", missing.isEmpty() ? Libc.MUSL.debianPackages(toolchain) : missing)
          + (toolchain.debianArch().equals("amd64") ? "" : " (after dpkg --add-architecture " + toolchain.debianArch() + ")"));
    }
  }

  /** The package versions that decide the sysroot's musl part, for its cache key. */
  String keyLines() throws IOException {
    // The layout's version: a change in what stage() writes must not reuse an older entry.
    StringBuilder sb = new StringBuilder("libc musl layout 2\n");
    Dpkg dpkg = new Dpkg(runner);
    for (String pkg : Libc.MUSL.debianPackages(toolchain)) {
      sb.append("libc-package ").append(pkg).append(' ').append(dpkg.version(pkg)).append('\n');
    }
    return sb.toString();
  }

  void stage(Path sysroot) throws IOException {
    Path include = Files.createDirectories(sysroot.resolve("usr/include"));
    Path lib = Files.createDirectories(sysroot.resolve("usr/lib"));
    Dpkg dpkg = new Dpkg(runner);
    String arch = toolchain.debianArch();
    String headers = "/usr/include/" + muslDir() + "/";
    String libs = "/lib/" + muslDir() + "/";
    for (String pkg : List.of("musl-dev:" + arch, "musl:" + arch)) {
      for (String line : dpkg.files(pkg)) {
        Path source = Path.of(line);
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS) || line.endsWith("/musl-gcc.specs")) {
          continue;
        }
        if (line.startsWith(headers)) {
          copy(source, include.resolve(line.substring(headers.length())));
        } else if (line.startsWith(libs) || line.startsWith("/usr" + libs)) {
          copy(source, lib.resolve(source.getFileName().toString()));
        }
      }
    }
    if (!Files.isRegularFile(lib.resolve("libc.so")) || !Files.isRegularFile(include.resolve("stdio.h"))) {
      throw AskBuildException.environment("musl:" + arch + " and musl-dev:" + arch
          + " did not install libc.so and stdio.h where expected (" + libs + ", " + headers + ")");
    }
    // Kernel UAPI headers (linux/, asm/, ...), as Alpine's linux-headers gives them to musl.
    String uapi = "/usr/" + toolchain.triple() + "/include/";
    for (String line : dpkg.files("linux-libc-dev-" + arch + "-cross")) {
      Path source = Path.of(line);
      if (line.startsWith(uapi) && Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
        copy(source, include.resolve(line.substring(uapi.length())));
      }
    }
    // musl's make install creates empty archives for the libraries whose functions are in libc
    // (m rt pthread crypt util xnet resolv dl) so that -lcrypt links; Debian's musl-dev leaves out
    // libcrypt.a, which libcli's Makefile links.
    for (String empty : List.of("m", "rt", "pthread", "crypt", "util", "xnet", "resolv", "dl")) {
      Path archive = lib.resolve("lib" + empty + ".a");
      if (!Files.exists(archive)) {
        Files.writeString(archive, "!<arch>\n", StandardCharsets.US_ASCII);
      }
    }
    Path lib64 = Files.createDirectories(sysroot.resolve("lib"));
    Files.createSymbolicLink(lib64.resolve("ld-musl-" + toolchain.cpu() + ".so.1"), Path.of("../usr/lib/libc.so"));
    Files.writeString(sysroot.resolve(Libc.MUSL_SPECS), specs(Files.readString(hostSpecs())));
    // musl's built-in library path, written out: a loader run under qemu -L reads the sysroot's
    // file, never the build host's (Debian's musl installs one naming its multiarch directories).
    Path etc = Files.createDirectories(sysroot.resolve("etc"));
    Files.writeString(etc.resolve("ld-musl-" + toolchain.cpu() + ".path"), "/lib\n/usr/local/lib\n/usr/lib\n");
  }

  /**
   * Debian's specs text with its host paths made sysroot-relative: gcc replaces {@code %R} with
   * {@code --sysroot}, so a compile reads musl's headers and start files from the sysroot and
   * nothing from {@code /usr/include/<cpu>-linux-musl}. A specs file without those paths is not
   * the one this was written for and is refused.
   */
  String specs(String hostText) {
    String includeDir = "/usr/include/" + muslDir();
    String libDir = "/usr/lib/" + muslDir();
    if (!hostText.contains(includeDir) || !hostText.contains(libDir)) {
      throw AskBuildException.environment(hostSpecs() + " does not name " + includeDir + " and " + libDir
          + "; this musl-dev is not the one ask-build knows");
    }
    return hostText.replace(includeDir, "%R/usr/include").replace(libDir, "%R/usr/lib");
  }

  /**
   * After a failed configure against musl: when pkg-config found no package (the usual cause, as the
   * board's {@code -dev} packages are glibc builds and stay out of a musl sysroot), exit 1 naming the
   * library, what it lacks and what to do; otherwise returns and the plain failure is reported.
   */
  static void refuseMissingPackages(String library, Path src, Path sysroot, Path log, List<String> devPackages)
      throws IOException {
    // pkg-config's and pkgconf's wording of the package configure stopped at.
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:No package|Package) '([^']+)'(?:,| found| not found)")
        .matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
    if (!m.find()) {
      return;
    }
    java.util.Set<String> missing = new java.util.TreeSet<>(List.of(m.group(1)));
    // configure stops at the first; the others it checks that the sysroot lacks are named too.
    Path configure = src.resolve("configure");
    if (Files.isRegularFile(configure)) {
      java.util.regex.Matcher wanted = java.util.regex.Pattern.compile("--print-errors \"([A-Za-z0-9_.+-]+)")
          .matcher(Files.readString(configure, StandardCharsets.ISO_8859_1));
      while (wanted.find()) {
        if (!Files.exists(sysroot.resolve("usr/lib/pkgconfig").resolve(wanted.group(1) + ".pc"))
            && !Files.exists(sysroot.resolve("usr/share/pkgconfig").resolve(wanted.group(1) + ".pc"))) {
          missing.add(wanted.group(1));
        }
      }
    }
    throw AskBuildException.checkFailed("library " + library + " cannot be built against musl: its configure needs "
        + String.join(", ", missing) + " (pkg-config), which the musl sysroot lacks: Debian ships "
        + (missing.size() == 1 ? "it" : "them") + " only as glibc builds"
        + (devPackages.isEmpty() ? "" : " (the board's -dev packages " + String.join(", ", devPackages) + " are left out)")
        + "; vendor " + (missing.size() == 1 ? "its" : "their") + " source tarball" + (missing.size() == 1 ? "" : "s")
        + " in the board and list " + (missing.size() == 1 ? "it" : "them") + " in the library's 'needs' (log: " + log + ")");
  }

  /**
   * Links a probe program against every shared library {@code library} installed: a shared library
   * may be linked with symbols nothing defines (Debian's musl has no {@code crypt}, which libcli
   * calls), which only its first user's link would reveal. Exit 1 naming the library and the symbols.
   */
  void probeSharedLibraries(String library, Path sysroot, Path src, java.util.Map<String, String> env, Path log)
      throws IOException {
    Path libDir = sysroot.resolve("usr/lib");
    List<Path> shared;
    try (java.util.stream.Stream<Path> files = Files.list(libDir)) {
      // Every shared library but musl's own libc; one of an earlier library is probed again, cheaply.
      shared = files.filter(f -> f.getFileName().toString().matches("lib.+\\.so") && !f.getFileName().toString().equals("libc.so"))
          .sorted().toList();
    }
    Path probe = Files.writeString(src.resolve("askbuild-link-probe.c"), "int main(void) { return 0; }\n");
    for (Path so : shared) {
      List<String> argv = new java.util.ArrayList<>(List.of(env.get("CC").split(" ")));
      argv.addAll(List.of("-o", src.resolve("askbuild-link-probe").toString(), probe.toString(),
          "-Wl,--no-as-needed", so.toString()));
      dev.askbuild.core.Command link = new dev.askbuild.core.Command(argv, src, env);
      ProcessRunner.Result result = runner.run(link, log);
      if (!result.succeeded()) {
        java.util.Set<String> undefined = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("undefined reference to `([^']+)'")
            .matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        while (m.find()) {
          undefined.add(m.group(1));
        }
        throw AskBuildException.checkFailed("library " + library + " cannot be used against musl: "
            + sysroot.relativize(so) + " calls " + (undefined.isEmpty() ? "symbols" : String.join(", ", undefined))
            + ", which nothing in the musl sysroot defines"
            + (undefined.contains("crypt") ? " (Debian's musl leaves crypt(3) out: 'Remove crypt functionality', #947193)" : "")
            + " (log: " + log + ")");
      }
    }
  }

  private static void copy(Path source, Path dest) throws IOException {
    Files.createDirectories(dest.getParent());
    Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
  }
}
