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
    final LocalAgentFiles local = new LocalAgentFiles();
    final AtomicInteger writes = new AtomicInteger();

    @Override public boolean exists(String path) { return local.exists(path); }
    @Override public void mkdirs(String path) throws IOException { local.mkdirs(path); }
    @Override public void chmod(String path, int mode) throws IOException { local.chmod(path, mode); }
    @Override public void write(String path, InputStream content) throws IOException {
      writes.incrementAndGet();
      local.write(path, content);
    }
    @Override public void rename(String from, String to) throws IOException { local.rename(from, to); }
    @Override public String sha256(String path) throws IOException { return local.sha256(path); }
    @Override public String readText(String path) throws IOException { return local.readText(path); }
    @Override public void deleteRecursive(String path) throws IOException { local.deleteRecursive(path); }
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
