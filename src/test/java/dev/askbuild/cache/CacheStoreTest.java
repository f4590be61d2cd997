package dev.askbuild.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.extract.TreeArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStoreTest {
  @TempDir Path dir;

  private Path kernelEntry(Path cache, String id) throws IOException {
    Path entry = Files.createDirectories(cache.resolve("kernel").resolve(id));
    Files.createDirectories(entry.resolve("tree/scripts"));
    Files.writeString(entry.resolve("kernel-manifest.json"), "{}\n");
    Files.writeString(entry.resolve("tree/Module.symvers"), "0x1234\tdemo_hook\tvmlinux\tEXPORT_SYMBOL\t\n");
    Path tool = entry.resolve("tree/scripts/modpost");
    Files.writeString(tool, "#!/bin/sh\n");
    tool.toFile().setExecutable(true);
    Files.createSymbolicLink(entry.resolve("tree/source"), Path.of("."));
    EntryManifest.write(entry);
    return entry;
  }

  @Test
  void anExportedEntryImportsIntoAnEmptyCacheWithItsBytesModesAndLinks() throws IOException {
    Path a = dir.resolve("agent-a");
    kernelEntry(a, "0123456789abcdef01234567");
    CacheStore from = new CacheStore(a);
    Path tar = dir.resolve("entry.tar");
    from.export(from.find("0123"), tar);

    CacheStore to = new CacheStore(dir.resolve("agent-b"));
    CacheStore.Imported imported = to.importFrom(tar);
    assertThat(imported.alreadyPresent()).isFalse();
    assertThat(imported.entry().relative()).isEqualTo("kernel/0123456789abcdef01234567");
    Path got = to.root().resolve(imported.entry().relative());
    assertThat(got.resolve("tree/Module.symvers")).hasSameBinaryContentAs(a.resolve("kernel/0123456789abcdef01234567/tree/Module.symvers"));
    assertThat(Files.isExecutable(got.resolve("tree/scripts/modpost"))).isTrue();
    assertThat(Files.readSymbolicLink(got.resolve("tree/source"))).isEqualTo(Path.of("."));
    assertThat(EntryManifest.verify(got, true)).isEmpty();
    assertThat(to.list()).extracting(CacheEntry::id).containsExactly("0123456789abcdef01234567");
    assertThat(to.root().resolve("kernel")).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".import"));
    assertThat(to.importFrom(tar).alreadyPresent()).isTrue();
  }

  @Test
  void anExportWhoseFileNoLongerMatchesItsManifestIsRefusedAndNothingPublished() throws IOException {
    Path a = dir.resolve("agent-a");
    Path entry = kernelEntry(a, "fedcba9876543210fedcba98");
    Files.writeString(entry.resolve("tree/Module.symvers"), "0x9999\tdemo_hook\tvmlinux\tEXPORT_SYMBOL\t\n");
    Path tar = dir.resolve("bad.tar");
    TreeArchive.write(entry, "kernel/fedcba9876543210fedcba98", tar);

    CacheStore to = new CacheStore(dir.resolve("agent-b"));
    assertThatThrownBy(() -> to.importFrom(tar))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("tree/Module.symvers: sha256 ")
        .satisfies(e -> assertThat(((AskBuildException) e).exitCode().code()).isEqualTo(1));
    assertThat(to.list()).isEmpty();
  }

  @Test
  void verifyNamesTheChangedEntryAndPruneKeepsRecentlyUsedOnes() throws IOException {
    Path cache = dir.resolve("c");
    Path entry = kernelEntry(cache, "aaaaaaaaaaaaaaaaaaaaaaaa");
    CacheStore store = new CacheStore(cache);
    assertThat(store.verify(store.find("aaaa"))).isEmpty();
    Files.writeString(entry.resolve("tree/scripts/modpost"), "#!/bin/sh\nexit 0\n");
    assertThat(store.verify(store.find("aaaa"))).singleElement().asString().startsWith("tree/scripts/modpost: size ");
    assertThat(store.prune(0)).isEmpty(); // just published: may be in use
    Files.setLastModifiedTime(entry, java.nio.file.attribute.FileTime.fromMillis(0));
    assertThat(store.prune(0)).extracting(CacheEntry::id).containsExactly("aaaaaaaaaaaaaaaaaaaaaaaa");
    assertThat(store.list()).isEmpty();
  }

  @Test
  void sizesParseWithTheirUnitsAndANonsenseSizeIsExitTwo() {
    assertThat(CacheStore.parseSize("20G")).isEqualTo(20L << 30);
    assertThat(CacheStore.parseSize("500m")).isEqualTo(500L << 20);
    assertThatThrownBy(() -> CacheStore.parseSize("lots"))
        .hasMessageContaining("--max-size must be a size")
        .satisfies(e -> assertThat(((AskBuildException) e).exitCode().code()).isEqualTo(2));
  }
}
