package dev.askbuild.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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
    assertThat(stages.keySet()).containsExactly("builder", "verify", "sysroot", "kernel", "compile", "check",
        "artifacts", "runtime");
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
    assertThat(rules).containsExactly("*", "!opt/askbuild-stage", "!opt/lib/*.jar", "!packages/");
    assertThat(instructions()).filteredOn(l -> l.startsWith("COPY ") && !l.contains("--from="))
        .containsExactly("COPY opt/ /opt/askbuild/");
  }
}
