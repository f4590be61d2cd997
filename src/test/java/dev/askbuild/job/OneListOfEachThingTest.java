package dev.askbuild.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.board.Boards;
import dev.askbuild.compile.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stages, the targets and the boards are each listed once ({@link Stage}, {@link Target},
 * {@code boards.list}); every other place derives them or asks the {@link Catalog}. A second copy
 * written out in a source file is what this test finds.
 */
class OneListOfEachThingTest {

  @Test
  void noSourceFileSpellsOutTheStagesTargetsOrBoards() throws IOException {
    List<Pattern> copies = List.of(
        listOf(Stage.labels()),
        listOf(Arrays.stream(Target.values()).map(Target::label).toList()),
        listOf(Boards.names()));
    List<String> found = new ArrayList<>();
    for (Path root : List.of(Path.of("src/main/java"), Path.of("vars"), Path.of("docker"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String name = file.toString();
          if (name.endsWith(".md")) {
            continue;
          }
          String text = Files.readString(file);
          for (Pattern copy : copies) {
            if (copy.matcher(text).find()) {
              found.add(name + ": " + copy.pattern());
            }
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theCatalogIsDerivedFromTheOneLists() throws IOException {
    Catalog catalog = Catalog.load();
    assertThat(catalog.stages()).containsExactly("verify", "sysroot", "kernel", "compile", "check");
    assertThat(catalog.targets()).containsExactly("userspace", "modules", "dist");
    assertThat(catalog.boardNames()).isEqualTo(Boards.names()).contains("demo", "mono-gateway");
    Catalog.BoardEntry demo = catalog.boards().stream().filter(b -> b.name().equals("demo")).findFirst().orElseThrow();
    assertThat(demo.generatedInputs()).isTrue();
    assertThat(demo.components()).containsEntry("alpha", "modules").containsEntry("hello", "userspace");
    assertThat(demo.needs()).containsEntry("beta", List.of("alpha"));
  }

  @Test
  void theCatalogValidatesAComponentSelectionWithTheEnginesRules() throws IOException {
    assertThat(Catalog.requireComponents("demo", "dist", java.util.Set.of("hello"))).containsExactly("hello", "libgreet");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Catalog.requireComponents("demo", "dist",
        java.util.Set.of("nope"))).hasMessageContaining("nope");
  }

  /** The names in order as a list in any source syntax: quoted and comma-separated, or a comma list. */
  private static Pattern listOf(List<String> names) {
    String quoted = String.join("\\W{1,6}", names.stream().map(Pattern::quote).toList());
    return Pattern.compile("[\"']" + quoted + "[\"']|" + String.join(",", names.stream().map(Pattern::quote).toList()));
  }
}
