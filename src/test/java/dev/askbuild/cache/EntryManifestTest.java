package dev.askbuild.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryManifestTest {
  @TempDir Path dir;
  Path entry;

  @BeforeEach
  void publish() throws IOException {
    entry = Files.createDirectories(dir.resolve("kernel/abc"));
    Files.createDirectories(entry.resolve("tree/include"));
    Files.writeString(entry.resolve("tree/Makefile"), "VERSION = 6\n");
    Files.writeString(entry.resolve("tree/include/a.h"), "#define A 1\n");
    Files.createSymbolicLink(entry.resolve("tree/link.h"), Path.of("include/a.h"));
    EntryManifest.write(entry);
  }

  @Test
  void anUntouchedEntryPassesWithAndWithoutRehashing() throws IOException {
    assertThat(EntryManifest.verify(entry, false)).isEmpty();
    assertThat(EntryManifest.verify(entry, true)).isEmpty();
    assertThat(Files.readString(entry.resolve(EntryManifest.FILE)))
        .contains("  12  tree/Makefile")
        .contains("link  include/a.h  tree/link.h");
  }

  @Test
  void aFileRewrittenWithTheSameSizeAndTimeIsCaughtByItsChangeTime() throws IOException {
    Path file = entry.resolve("tree/include/a.h");
    var mtime = Files.getLastModifiedTime(file);
    Files.writeString(file, "#define A 2\n");
    Files.setLastModifiedTime(file, mtime); // size and mtime as published: only ctime tells
    assertThat(EntryManifest.verify(entry, false))
        .singleElement().asString().startsWith("tree/include/a.h: sha256 ").contains("published with");
  }

  @Test
  void addedRemovedAndRelinkedFilesAreEachNamed() throws IOException {
    Files.writeString(entry.resolve("tree/new.c"), "int x;\n");
    Files.delete(entry.resolve("tree/Makefile"));
    Files.delete(entry.resolve("tree/link.h"));
    Files.createSymbolicLink(entry.resolve("tree/link.h"), Path.of("/etc/passwd"));
    assertThat(EntryManifest.verify(entry, false)).containsExactly(
        "tree/Makefile: removed after publishing",
        "tree/link.h: link changed (-> include/a.h when published, -> /etc/passwd now)",
        "tree/new.c: added after publishing");
  }
}
