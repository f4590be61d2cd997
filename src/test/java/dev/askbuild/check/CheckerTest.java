package dev.askbuild.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.core.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckerTest {
  @TempDir Path tmp;

  private static CheckReport check(Path dist, Optional<Path> kernel) {
    return new Checker(Progress.SILENT).run(new CheckRequest(dist, kernel, Fixtures.SYSROOT, CheckTarget.aarch64()));
  }

  private static List<CheckResult> failures(CheckReport report) {
    return report.failures();
  }

  @Test
  void crossBuiltExecutablesAndLibraryPass() throws IOException {
    Path dist = Fixtures.dist(tmp, "hello", "libgreet.so", "usegreet");
    CheckReport report = check(dist, Optional.empty());
    assertThat(failures(report)).isEmpty();
    assertThat(report.results()).extracting(CheckResult::artifact, CheckResult::check)
        .contains(org.assertj.core.groups.Tuple.tuple("usr/bin/usegreet", "needed"),
            org.assertj.core.groups.Tuple.tuple("usr/bin/hello", "interp"));
    assertThat(report.results()).isSortedAccordingTo(CheckResult.ORDER);
  }

  @Test
  void x86BinaryFailsOnMachineOnly() throws IOException {
    CheckReport report = check(Fixtures.dist(tmp, "hello", "hello-x86"), Optional.empty());
    assertThat(failures(report)).singleElement().satisfies(r -> {
      assertThat(r.artifact()).isEqualTo("usr/bin/hello-x86");
      assertThat(r.check()).isEqualTo("elf.machine");
      assertThat(r.expected()).contains("AArch64");
      assertThat(r.actual()).contains("X86-64");
    });
  }

  @Test
  void wrongInterpreterFails() throws IOException {
    CheckReport report = check(Fixtures.dist(tmp, "wronginterp"), Optional.empty());
    assertThat(failures(report)).singleElement().satisfies(r -> {
      assertThat(r.check()).isEqualTo("interp");
      assertThat(r.expected()).isEqualTo("/lib/ld-linux-aarch64.so.1");
      assertThat(r.actual()).isEqualTo("/lib/ld-musl-aarch64.so.1");
    });
  }

  @Test
  void neededMissingFromSysrootFails() throws IOException {
    CheckReport report = check(Fixtures.dist(tmp, "needsgone"), Optional.empty());
    assertThat(failures(report)).singleElement().satisfies(r -> {
      assertThat(r.artifact()).isEqualTo("usr/bin/needsgone");
      assertThat(r.check()).isEqualTo("needed");
      assertThat(r.actual()).isEqualTo("missing: libgone.so");
    });
  }

  @Test
  void rpathIntoBuildHostFails() throws IOException {
    CheckReport report = check(Fixtures.dist(tmp, "hostrpath"), Optional.empty());
    assertThat(failures(report)).singleElement().satisfies(r -> {
      assertThat(r.check()).isEqualTo("rpath");
      assertThat(r.detail()).contains("/home/builder/work/lib");
    });
  }

  private Path moduleDist(String... rels) throws IOException {
    Path dist = tmp.resolve("dist");
    for (String rel : rels) {
      Path target = dist.resolve("lib/modules").resolve(rel);
      Files.createDirectories(target.getParent());
      Files.copy(Fixtures.module(rel), target, StandardCopyOption.REPLACE_EXISTING);
    }
    return dist;
  }

  @Test
  void debianModulesPassAgainstTheirOwnHeaders() throws IOException {
    Path dist = moduleDist("fs/fat/fat.ko", "fs/fat/vfat.ko", "fs/fat/msdos.ko", "net/key/af_key.ko");
    CheckReport report = check(dist, Optional.of(Fixtures.headers()));
    assertThat(failures(report)).isEmpty();
    assertThat(report.results()).filteredOn(r -> r.check().equals("ko.vermagic"))
        .hasSize(4)
        .allSatisfy(r -> assertThat(r.actual()).isEqualTo(Fixtures.abi() + "-arm64 SMP mod_unload modversions aarch64"));
  }

  @Test
  void moduleBuiltAgainstAnotherReleaseFailsVermagic() throws IOException {
    Path kernel = Fixtures.fakeKernel(tmp, "6.1.0-99-arm64", line -> true);
    CheckReport report = check(moduleDist("fs/fat/vfat.ko"), Optional.of(kernel));
    assertThat(failures(report)).singleElement().satisfies(r -> {
      assertThat(r.check()).isEqualTo("ko.vermagic");
      assertThat(r.expected()).startsWith("6.1.0-99-arm64 SMP");
      assertThat(r.actual()).startsWith(Fixtures.abi() + "-arm64 SMP");
    });
  }

  @Test
  void changedCrcFailsModversionsNamingTheSymbol() throws IOException {
    Path dist = moduleDist("fs/fat/vfat.ko");
    Path ko = dist.resolve("lib/modules/fs/fat/vfat.ko");
    ElfFile elf = ElfReader.read(ko);
    SectionHeader versions = elf.section("__versions").orElseThrow();
    ModVersion first = elf.versions().get(0);
    byte[] bytes = Files.readAllBytes(ko);
    bytes[(int) versions.offset()] ^= 0x5a; // low byte of the first CRC (little-endian)
    Files.write(ko, bytes);
    CheckReport report = check(dist, Optional.of(Fixtures.headers()));
    assertThat(failures(report)).singleElement().satisfies(r -> {
      assertThat(r.check()).isEqualTo("ko.modversions");
      assertThat(r.actual()).startsWith("1 differ: " + first.symbol() + " ");
    });
  }

  @Test
  void unresolvedSymbolFailsWhenNoSiblingExportsIt() throws IOException {
    Path kernel = Fixtures.fakeKernel(tmp, Fixtures.abi() + "-arm64", line -> !line.contains("\tfs/fat/fat\t"));
    Files.createDirectories(kernel.resolve("include/generated"));
    CheckReport report = check(moduleDist("fs/fat/vfat.ko"), Optional.of(kernel));
    assertThat(failures(report)).extracting(CheckResult::check).contains("ko.symbols");
    CheckResult symbols = failures(report).stream().filter(r -> r.check().equals("ko.symbols")).findFirst().orElseThrow();
    assertThat(symbols.actual()).contains("fat_attach");
  }

  @Test
  void siblingModuleResolvesSymbolsAndCrcs() throws IOException {
    Path kernel = Fixtures.fakeKernel(tmp, Fixtures.abi() + "-arm64", line -> !line.contains("\tfs/fat/fat\t"));
    CheckReport report = check(moduleDist("fs/fat/fat.ko", "fs/fat/vfat.ko"), Optional.of(kernel));
    assertThat(failures(report)).isEmpty();
  }

  @Test
  void siblingModuleSymversInDistResolvesSymbols() throws IOException {
    Path kernel = Fixtures.fakeKernel(tmp, Fixtures.abi() + "-arm64", line -> !line.contains("\tfs/fat/fat\t"));
    Path dist = moduleDist("fs/fat/vfat.ko");
    List<String> fat = Files.readAllLines(Fixtures.headers().resolve("Module.symvers")).stream()
        .filter(line -> line.contains("\tfs/fat/fat\t")).toList();
    Files.write(dist.resolve("lib/modules/fs/fat/Module.symvers"), fat);
    assertThat(failures(check(dist, Optional.of(kernel)))).isEmpty();
  }

  @Test
  void nonGplModuleUsingGplOnlySymbolIsFlagged() throws IOException {
    Path dist = moduleDist("fs/fat/vfat.ko");
    Path ko = dist.resolve("lib/modules/fs/fat/vfat.ko");
    byte[] bytes = Files.readAllBytes(ko);
    byte[] from = "license=GPL\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int at = indexOf(bytes, from);
    assertThat(at).isPositive();
    System.arraycopy("license=BSD\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, at, from.length);
    Files.write(ko, bytes);
    CheckReport report = check(dist, Optional.of(Fixtures.headers()));
    assertThat(failures(report)).singleElement().satisfies(r -> {
      assertThat(r.check()).isEqualTo("ko.gpl");
      assertThat(r.actual()).startsWith("license BSD uses ");
    });
  }

  @Test
  void moduleWithoutLicenseFails() throws IOException {
    Path dist = moduleDist("fs/fat/vfat.ko");
    Path ko = dist.resolve("lib/modules/fs/fat/vfat.ko");
    byte[] bytes = Files.readAllBytes(ko);
    int at = indexOf(bytes, "license=GPL\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    bytes[at] = 'X'; // "Xicense=GPL": the tag is gone
    Files.write(ko, bytes);
    CheckReport report = check(dist, Optional.of(Fixtures.headers()));
    assertThat(failures(report)).extracting(CheckResult::check).contains("ko.license");
  }

  @Test
  void symlinkLoopInSysrootEndsAsMissingLibrary() throws IOException {
    Path sysroot = tmp.resolve("sysroot");
    Files.createDirectories(sysroot.resolve("lib"));
    Files.createSymbolicLink(sysroot.resolve("lib/libgone.so"), Path.of("/usr/lib/libgone.so"));
    Files.createDirectories(sysroot.resolve("usr/lib"));
    Files.createSymbolicLink(sysroot.resolve("usr/lib/libgone.so"), Path.of("../../lib/libgone.so"));
    Path dist = Fixtures.dist(tmp, "needsgone");
    CheckReport report = new Checker(Progress.SILENT).run(new CheckRequest(dist, Optional.empty(), sysroot, CheckTarget.aarch64()));
    assertThat(failures(report)).extracting(CheckResult::check, CheckResult::actual)
        .contains(org.assertj.core.groups.Tuple.tuple("needed", "missing: libgone.so, libc.so.6"));
  }

  @Test
  void libraryShippedBesideInDistResolvesThroughAbsoluteSymlink() throws IOException {
    Path dist = Fixtures.dist(tmp, "needsgone", "libgone.so");
    Files.createSymbolicLink(dist.resolve("usr/bin/libgone.so"), Path.of("/usr/lib/libgone.so"));
    assertThat(failures(check(dist, Optional.empty()))).isEmpty();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
