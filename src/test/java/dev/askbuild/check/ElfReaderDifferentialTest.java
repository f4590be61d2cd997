package dev.askbuild.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reader agrees with binutils readelf and kmod's modinfo/modprobe on the same real files. */
class ElfReaderDifferentialTest {
  private static final Pattern MACHINE = Pattern.compile("^\\s*Machine:\\s*(.+)$", Pattern.MULTILINE);
  private static final Pattern INTERP = Pattern.compile("\\[Requesting program interpreter: (.+)]");
  private static final Pattern NEEDED = Pattern.compile("\\(NEEDED\\)\\s+Shared library: \\[(.+)]");

  static Stream<Path> binaries() {
    Path dir = Fixtures.binaries();
    return Stream.of("hello", "libgreet.so", "usegreet", "needsgone", "wronginterp", "hostrpath", "hello-x86")
        .map(dir::resolve);
  }

  static Stream<Path> modules() {
    return Stream.concat(Fixtures.sampleModules(60).stream(), fakeModules());
  }

  static Stream<Path> fakeModules() {
    return Fixtures.LAYOUTS.stream().map(l -> Fixtures.fakeModules().resolve("fakemod-" + l + ".ko"));
  }

  @ParameterizedTest
  @MethodSource("fakeModules")
  void classAndByteOrderAgreeWithReadelf(Path ko) {
    ElfFile elf = ElfReader.read(ko);
    String header = readelf("-h", ko.toString());
    assertThat(header).contains(elf.header().is64() ? "ELF64" : "ELF32")
        .contains(elf.header().bigEndian() ? "big endian" : "little endian");
    String name = ko.getFileName().toString();
    assertThat(elf.header().is64()).isEqualTo(name.contains("64"));
    assertThat(elf.header().bigEndian()).isEqualTo(name.contains("be"));
    assertThat(elf.versions()).containsExactly(new ModVersion(0x12345678L, "printk"), new ModVersion(0xdeadbeefL, "kmalloc_caches"));
    assertThat(elf.undefinedSymbols()).extracting(ElfSymbol::name).containsExactly("printk");
    assertThat(elf.firstModinfo("name")).contains("fakemod");
  }

  private static String readelf(String... args) {
    List<String> argv = new ArrayList<>(List.of("readelf", "-W"));
    argv.addAll(List.of(args));
    return Fixtures.run(Path.of("."), argv.toArray(String[]::new));
  }

  @ParameterizedTest
  @MethodSource({"binaries", "modules"})
  void machineInterpreterAndNeededAgreeWithReadelf(Path file) {
    ElfFile elf = ElfReader.read(file);
    String header = readelf("-h", file.toString());
    Matcher m = MACHINE.matcher(header);
    assertThat(m.find()).isTrue();
    String machine = m.group(1).strip();
    assertThat(Elf.machineName(elf.header().machine())).startsWith(machine);

    Matcher interp = INTERP.matcher(readelf("-l", file.toString()));
    assertThat(elf.interpreter()).isEqualTo(interp.find() ? java.util.Optional.of(interp.group(1)) : java.util.Optional.empty());

    List<String> needed = new ArrayList<>();
    Matcher n = NEEDED.matcher(readelf("-d", file.toString()));
    while (n.find()) {
      needed.add(n.group(1));
    }
    assertThat(elf.dynamic().needed()).containsExactlyElementsOf(needed);
  }

  @ParameterizedTest
  @MethodSource("modules")
  void vermagicAndModversionsAgreeWithKmod(Path ko) {
    ElfFile elf = ElfReader.read(ko);
    String vermagic = Fixtures.run(Path.of("."), "modinfo", "-F", "vermagic", ko.toString()).strip();
    assertThat(elf.firstModinfo("vermagic").orElse("").strip()).isEqualTo(vermagic);
    assertThat(elf.modinfo("depends")).containsExactlyElementsOf(
        Fixtures.run(Path.of("."), "modinfo", "-F", "depends", ko.toString()).lines().toList());

    List<String> dumped = Fixtures.run(Path.of("."), "modprobe", "--dump-modversions", ko.toString()).lines().toList();
    List<String> ours = elf.versions().stream().map(v -> String.format("0x%08x\t%s", v.crc(), v.symbol())).toList();
    assertThat(ours).isNotEmpty().containsExactlyElementsOf(dumped);
  }
}
