package dev.askbuild.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Dockerfile must keep: native stages, secrets only as mounts, a pinned base, no frontend pull. */
class DockerfileTest {
  static String resource(String name) throws IOException {
    try (InputStream in = DockerfileTest.class.getResourceAsStream("/dev/askbuild/docker/" + name)) {
      assertThat(in).as(name + " is packaged with the engine").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Instructions with their continuation lines joined, comments dropped. */
  static List<String> instructions() throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : resource("Dockerfile").split("\n")) {
      if (current.length() == 0 && (line.isBlank() || line.startsWith("#"))) {
        continue;
      }
      String stripped = line.strip();
      if (stripped.endsWith("\\")) {
        current.append(stripped, 0, stripped.length() - 1).append(' ');
      } else {
        out.add(current.append(stripped).toString());
        current.setLength(0);
      }
    }
    return out;
  }

  /** Build stage name to its instructions (the FROM line first). */
  static Map<String, List<String>> stages() throws IOException {
    Map<String, List<String>> stages = new LinkedHashMap<>();
    List<String> current = null;
    for (String i : instructions()) {
      if (i.startsWith("FROM ")) {
        Matcher m = Pattern.compile(" AS (\\S+)$").matcher(i);
        assertThat(m.find()).as("every stage is named: " + i).isTrue();
        current = new ArrayList<>();
        stages.put(m.group(1), current);
      }
      if (current != null) {
        current.add(i);
      }
    }
    return stages;
  }

  @Test
  void everyStageThatRunsACommandIsOnTheBuildPlatformAndTheOutputsAreScratch() throws IOException {
    Map<String, List<String>> stages = stages();
    assertThat(stages.keySet()).containsExactly("builder", "ccache-seed", "verify", "sysroot", "kernel", "compile",
        "check", "artifacts", "runtime");
    stages.forEach((name, lines) -> {
      boolean runs = lines.stream().anyMatch(l -> l.startsWith("RUN "));
      if (runs) {
        assertThat(lines.get(0)).as(name).startsWith("FROM --platform=$BUILDPLATFORM ");
      } else {
        assertThat(lines.get(0)).as(name).isEqualTo("FROM scratch AS " + name);
      }
    });
    for (String stage : BuildLog.STAGES) {
      assertThat(stages.get(stage)).as(stage).anyMatch(l -> l.startsWith("RUN ")
          && l.endsWith("sh /opt/askbuild/askbuild-stage " + stage));
    }
  }

  @Test
  void everyEngineStageDeclaresTheSelection() throws IOException {
    // Each stage records the selection in its state and refuses another's: none may go without it.
    for (String stage : BuildLog.STAGES) {
      assertThat(stages().get(stage)).as(stage).contains("ARG COMPONENTS=\"\"");
    }
  }

  /**
   * The stage script run as a RUN runs it, but with /out in a temporary directory and a stand-in
   * {@code java} that records each engine command line: every command (the stage's and the
   * verification before it) gets the selection as one argument, and none without one.
   */
  @Test
  void theStageScriptGivesEveryEngineCommandTheSelection(@TempDir Path tmp) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s|' \"$@\" >> \"$ENGINE_LOG\"\necho >> \"$ENGINE_LOG\"\necho '{}'\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path out = tmp.resolve("out");
    Path script = Files.writeString(tmp.resolve("askbuild-stage"), resource("askbuild-stage").replace("/out", out.toString()));

    for (String components : new String[] {"cdx,fci", ""}) {
      Path log = tmp.resolve("engine-" + components + ".log");
      ProcessBuilder pb = new ProcessBuilder("sh", script.toString(), "compile").redirectErrorStream(true)
          .redirectOutput(tmp.resolve("stage.txt").toFile());
      pb.environment().put("PATH", bin + ":/usr/bin:/bin");
      pb.environment().put("ENGINE_LOG", log.toString());
      pb.environment().put("BOARD", "demo");
      pb.environment().put("COMPONENTS", components);
      assertThat(pb.start().waitFor()).as(Files.readString(tmp.resolve("stage.txt"))).isZero();

      List<String> commands = Files.readAllLines(log);
      assertThat(commands).hasSize(2);
      assertThat(commands.get(0)).contains("|dev.askbuild.cli.Main|verify|--board|demo|");
      assertThat(commands.get(1)).contains("|dev.askbuild.cli.Main|compile|--board|demo|");
      for (String command : commands) {
        if (components.isEmpty()) {
          assertThat(command).doesNotContain("--components");
        } else {
          assertThat(command).contains("|--components|cdx,fci|");
        }
      }
    }
  }

  @Test
  void privateFilesComeOnlyAsSecretMountsOfTheDeclaredSlots() throws IOException {
    String text = String.join("\n", instructions());
    assertThat(text).doesNotContainPattern("(?m)^(ARG|ENV|LABEL)\\s+\\S*(SECRET|KEY|TOKEN|PASSWORD|TAR)\\S*");
    assertThat(text).doesNotContain("/run/secrets");
    for (String run : instructions().stream().filter(l -> l.startsWith("RUN ") && l.contains("askbuild-stage")).toList()) {
      for (int slot = 1; slot <= DockerRequest.SECRET_SLOTS; slot++) {
        assertThat(run).contains("--mount=type=secret,id=private" + slot + " ");
      }
      assertThat(run).doesNotContain("id=private" + (DockerRequest.SECRET_SLOTS + 1));
    }
    assertThat(instructions()).filteredOn(l -> l.startsWith("COPY ")).noneMatch(l -> l.contains("secret"));
  }

  /**
   * The stages that compile do so through one BuildKit cache mount, never a directory of their
   * layer (it would grow every layer and every export); the kernel stage depends on the seed's
   * constant marker only, not on the seeded files.
   */
  @Test
  void theStagesThatCompileShareOneCacheMountAndTheKernelWaitsForTheSeed() throws IOException {
    Map<String, List<String>> stages = stages();
    for (String stage : List.of("sysroot", "kernel", "compile")) {
      assertThat(String.join("\n", stages.get(stage))).as(stage)
          .contains("--mount=type=cache,id=askbuild-ccache,target=/cache/" + stage + "/ccache ");
    }
    assertThat(String.join("\n", stages.get("builder"))).contains(" ccache ");
    assertThat(String.join("\n", stages.get("ccache-seed")))
        .contains("--mount=type=bind,source=ccache-seed,target=/in/ccache-seed", "--mount=type=cache,id=askbuild-ccache,",
            "echo seeded > /ccache-seeded");
    List<String> fromSeed = instructions().stream().filter(l -> l.contains("from=ccache-seed")).toList();
    assertThat(fromSeed).singleElement().asString().contains("askbuild-stage kernel")
        .contains("--mount=type=bind,from=ccache-seed,source=/ccache-seeded,target=/in/ccache-seeded ");
  }

  @Test
  void theDefaultBaseIsPinnedByDigestAndNoFrontendIsPulled() throws IOException {
    assertThat(resource("Dockerfile")).doesNotContainPattern("(?m)^#\\s*syntax=");
    assertThat(instructions()).contains("ARG BASE_IMAGE=debian:bookworm-slim@sha256:"
        + instructions().stream().filter(l -> l.startsWith("ARG BASE_IMAGE=")).findFirst().orElseThrow()
            .replaceAll(".*@sha256:", ""));
    assertThat(instructions()).anyMatch(l -> l.matches("ARG BASE_IMAGE=debian:bookworm-slim@sha256:[0-9a-f]{64}"));
  }

  @Test
  void theIgnoreFileLetsInOnlyWhatTheDockerfileReads() throws IOException {
    List<String> rules = resource(".dockerignore").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(rules).containsExactly("*", "!opt/askbuild-stage", "!opt/lib/*.jar", "!packages/", "!ccache-seed/");
    assertThat(instructions()).filteredOn(l -> l.startsWith("COPY ") && !l.contains("--from="))
        .containsExactly("COPY opt/ /opt/askbuild/");
  }
}
