package dev.askbuild.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.core.Command;
import dev.askbuild.core.Libc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code askbuild docker --libc musl}: one build argument, in every stage's cache key, passed on as --libc. */
class DockerLibcTest {
  @TempDir Path tmp;

  private DockerRequest request(Optional<Libc> libc) {
    return new DockerRequest("demo", List.of(), tmp, tmp.resolve("out"), List.of(), List.of("musl-dev:arm64"),
        List.of(tmp.resolve("askbuild.jar")), Optional.empty(), Optional.empty(), Optional.empty(), "docker", libc);
  }

  @Test
  void muslIsOneBuildArgumentAndGlibcKeepsItsCommandLine() {
    Command musl = DockerCommandLines.of(request(Optional.of(Libc.MUSL)), DockerFlavor.BUILDX, tmp.resolve("ctx"),
        List.of(), tmp.resolve("x")).get(0);
    assertThat(String.join(" ", musl.argv())).contains("--build-arg LIBC=musl");
    Command plain = DockerCommandLines.of(request(Optional.empty()), DockerFlavor.BUILDX, tmp.resolve("ctx"),
        List.of(), tmp.resolve("x")).get(0);
    assertThat(plain.argv()).noneMatch(a -> a.startsWith("LIBC"));
  }

  @Test
  void everyEngineStageDeclaresTheLibcAndTheStageScriptPassesItOn() throws Exception {
    String dockerfile = DockerfileTest.resource("Dockerfile");
    for (String stage : BuildLog.STAGES) {
      String block = dockerfile.substring(dockerfile.indexOf(" AS " + stage + "\n"));
      block = block.substring(0, block.indexOf("\nRUN "));
      assertThat(block).as(stage).contains("ARG LIBC=\"\"");
    }
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s|' \"$@\" >> \"$ENGINE_LOG\"\necho >> \"$ENGINE_LOG\"\necho '{}'\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path script = Files.writeString(tmp.resolve("askbuild-stage"),
        DockerfileTest.resource("askbuild-stage").replace("/out", tmp.resolve("out").toString()));
    Path log = tmp.resolve("engine.log");
    ProcessBuilder pb = new ProcessBuilder("sh", script.toString(), "sysroot").redirectErrorStream(true)
        .redirectOutput(tmp.resolve("stage.txt").toFile());
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    pb.environment().put("ENGINE_LOG", log.toString());
    pb.environment().put("BOARD", "demo");
    pb.environment().put("LIBC", "musl");
    assertThat(pb.start().waitFor()).as(Files.readString(tmp.resolve("stage.txt"))).isZero();
    // verify and the stage itself: both with the libc, so the state each records agrees.
    assertThat(Files.readAllLines(log)).hasSize(2).allSatisfy(line -> assertThat(line).contains("|--libc|musl|"));
  }
}
