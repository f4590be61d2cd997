package dev.askbuild.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardDirectoryTest {
  @TempDir Path tmp;

  private Path exported(String name) throws Exception {
    Path dir = tmp.resolve(name);
    BoardExport.export("demo", dir);
    return dir;
  }

  private static void edit(Path file, String from, String to) throws Exception {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void anExportedBoardIsTheBuiltInOneByteForByteAndLoadsFromItsDirectory() throws Exception {
    Path dir = exported("demo");

    try (var list = Files.list(dir)) {
      assertThat(list.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("compile.json", "demo.hash", "kernel.config", "profile.json");
    }
    BoardProfile builtIn = Boards.load("demo");
    assertThat(Files.readString(dir.resolve("compile.json"))).isEqualTo(Boards.file(builtIn, "compile.json").text());
    BoardProfile external = Boards.loadDir(dir);
    assertThat(external.name()).isEqualTo("demo");
    assertThat(external.source().dir()).contains(dir.toAbsolutePath());
    assertThat(external.source().origin()).isEqualTo(dir.toAbsolutePath().toString());
    assertThat(builtIn.source().origin()).isEqualTo("built-in");
    assertThat(external.pins().byName()).isEqualTo(builtIn.pins().byName());
    assertThat(Boards.file(external, "compile.json").source()).isEqualTo(dir.resolve("compile.json").toString());
    // Exporting over a board would lose the user's changes.
    assertThatThrownBy(() -> BoardExport.export("demo", dir)).hasMessageContaining("is not empty");
  }

  @Test
  void aBoardOnTheSearchPathComesBeforeTheBuiltInOnesAndSaysWhereItIsFrom() throws Exception {
    Path path = Files.createDirectories(tmp.resolve("boards"));
    BoardExport.export("demo", path.resolve("my-demo"));
    edit(path.resolve("my-demo/profile.json"), "\"name\": \"demo\"", "\"name\": \"my-demo\"");
    Files.move(path.resolve("my-demo/demo.hash"), path.resolve("my-demo/my-demo.hash"));
    BoardExport.export("demo", path.resolve("demo"));
    BoardCatalog catalog = new BoardCatalog(List.of(path));

    assertThat(catalog.names()).containsExactly("demo", "my-demo", "mono-gateway");
    assertThat(catalog.sources().get("demo").origin()).isEqualTo(path.resolve("demo").toString());
    assertThat(catalog.sources().get("mono-gateway").origin()).isEqualTo("built-in");
    assertThat(catalog.load("my-demo").source().dir()).contains(path.resolve("my-demo"));
    assertThat(BoardCatalog.parsePath(path + "::" + tmp)).containsExactly(path, tmp);
    // A directory named for another board than its profile's is told so, not that a file is missing.
    BoardExport.export("demo", path.resolve("demo2"));
    assertThatThrownBy(() -> catalog.load("demo2"))
        .hasMessage("board profile " + path.resolve("demo2/profile.json") + ": field 'name' is 'demo', expected"
            + " 'demo2' (a board directory on ASKBUILD_BOARD_PATH is named for its board)");
  }

  @Test
  void aBoardDirectoryNamingAFileOutsideItselfOrThePackagesIsRefusedNamingFileAndField() throws Exception {
    for (String value : List.of("../x", "board:../x", "ask:../../x", "/etc/passwd.patch", "patches/../../x.patch")) {
      Path dir = exported("escape-" + Integer.toHexString(value.hashCode()));
      edit(dir.resolve("profile.json"), "\"ask:patches/libdemo/0001-configure-honour-host.patch\"",
          "\"" + value + "\"");

      assertThatThrownBy(() -> Boards.loadDir(dir))
          .isInstanceOf(AskBuildException.class)
          .hasMessageStartingWith("board profile " + dir.resolve("profile.json") + ": field 'vendored[0].patches[0]'"
              + " names '" + value + "'")
          .hasMessageContaining("leaves")
          .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }
    Path tarball = exported("tarball");
    edit(tarball.resolve("profile.json"), "\"libdemo-1.0.tar.gz\"", "\"../libdemo-1.0.tar.gz\"");
    assertThatThrownBy(() -> Boards.loadDir(tarball))
        .hasMessageContaining("field 'vendored[0].tarball' names '../libdemo-1.0.tar.gz'");
  }

  @Test
  void aBoardDirectoryGetsTheBuiltInBoardsValidation() throws Exception {
    Path unknown = exported("unknown");
    edit(unknown.resolve("profile.json"), "\"platform\"", "\"platfrom\"");
    assertThatThrownBy(() -> Boards.loadDir(unknown))
        .hasMessageStartingWith("board profile " + unknown.resolve("profile.json") + ": unknown field 'platfrom'");

    Path missing = exported("missing");
    Files.delete(missing.resolve("kernel.config"));
    assertThatThrownBy(() -> Boards.loadDir(missing))
        .hasMessageContaining("board directory " + missing + " lacks kernel.config");

    Path ownFile = exported("own");
    Files.createDirectories(ownFile.resolve("patches"));
    edit(ownFile.resolve("profile.json"), "\"ask:patches/libdemo/0001-configure-honour-host.patch\"",
        "\"board:patches/0001-mine.patch\"");
    assertThatThrownBy(() -> Boards.loadDir(ownFile))
        .hasMessageContaining("names 'board:patches/0001-mine.patch', which is not in the board directory");
    Files.writeString(ownFile.resolve("patches/0001-mine.patch"), "");
    assertThat(Boards.loadDir(ownFile).vendored().get(0).patches()).containsExactly("board:patches/0001-mine.patch");

    assertThatThrownBy(() -> Boards.loadDir(tmp.resolve("nowhere"))).hasMessageContaining("is not a directory");
  }
}
