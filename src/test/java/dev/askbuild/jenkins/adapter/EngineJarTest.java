package dev.askbuild.jenkins.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineJarTest {
  @TempDir Path dir;

  /** Counts copies: the second use of the same jar must not copy it again. */
  static final class CountingFiles implements AgentFiles {
    final AtomicInteger writes = new AtomicInteger();

    @Override public boolean exists(String path) { return Files.exists(Path.of(path)); }
    @Override public void mkdirs(String path) throws IOException { Files.createDirectories(Path.of(path)); }
    @Override public void write(String path, InputStream content) throws IOException {
      writes.incrementAndGet();
      Files.copy(content, Path.of(path));
    }
    @Override public void rename(String from, String to) throws IOException {
      Files.move(Path.of(from), Path.of(to), java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    @Override public String sha256(String path) throws IOException { return EngineJar.sha256Of(Path.of(path)); }
    @Override public void deleteRecursive(String path) throws IOException {
      dev.askbuild.core.FileTrees.deleteRecursively(Path.of(path));
    }
  }

  @Test
  void placedOnceUnderItsHashAndReusedAfterwards() throws Exception {
    Path jar = Files.write(dir.resolve("askbuild.jar"), "engine v1".getBytes());
    EngineJar engine = EngineJar.ofFile(jar);
    CountingFiles files = new CountingFiles();
    String root = dir.resolve("agent").toString();

    String placed = engine.place(files, root);
    assertThat(placed).isEqualTo(root + "/askbuild-engine/" + Sha256.ofFile(jar) + "/askbuild.jar");
    assertThat(Path.of(placed)).hasContent("engine v1");
    assertThat(engine.place(files, root)).isEqualTo(placed);
    assertThat(files.writes).hasValue(1);
    assertThat(Path.of(placed).getParent()).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
  }

  @Test
  void aDamagedCopyIsReplacedAndANewJarGetsItsOwnDirectory() throws Exception {
    Path jar = Files.write(dir.resolve("askbuild.jar"), "engine v1".getBytes());
    CountingFiles files = new CountingFiles();
    String root = dir.resolve("agent").toString();
    String placed = EngineJar.ofFile(jar).place(files, root);
    Files.writeString(Path.of(placed), "truncat");
    assertThat(EngineJar.ofFile(jar).place(files, root)).isEqualTo(placed);
    assertThat(Path.of(placed)).hasContent("engine v1");

    Files.writeString(jar, "engine v2");
    String upgraded = EngineJar.ofFile(jar).place(files, root);
    assertThat(upgraded).isNotEqualTo(placed);
    assertThat(Path.of(placed)).hasContent("engine v1");
  }
}
