package dev.askbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code askbuild catalog --json}: what a front end reads instead of keeping its own lists. */
class CatalogCommandTest {
  @Test
  void printsTheStagesTargetsAndEachBoardsComponents() throws Exception {
    StringWriter out = new StringWriter();
    int code = Main.run(new String[] {"catalog", "--json"}, new PrintWriter(out), new PrintWriter(new StringWriter()));

    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(texts(json.path("stages"))).containsExactly("verify", "sysroot", "kernel", "compile", "check");
    assertThat(texts(json.path("targets"))).containsExactly("userspace", "modules", "dist");
    JsonNode mono = json.path("boards").get(0); // boards.list order
    assertThat(mono.path("name").asText()).isEqualTo("mono-gateway");
    assertThat(mono.path("generatedInputs").asBoolean()).isFalse();
    assertThat(mono.path("components").path("cdx").asText()).isEqualTo("modules");
    assertThat(texts(mono.path("needs").path("fci"))).containsExactly("cdx");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
