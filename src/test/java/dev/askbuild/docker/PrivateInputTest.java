package dev.askbuild.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateInputTest {
  @TempDir Path tmp;

  @Test
  void nameEqualsFileIsParsedAndTheFileMustBeReadable() throws Exception {
    Path file = Files.writeString(tmp.resolve("f"), "x");
    assertThat(PrivateInput.parse("ASK.tar.gz=" + file)).isEqualTo(new PrivateInput("ASK.tar.gz", file));

    assertThatThrownBy(() -> PrivateInput.parse("ASK.tar.gz=" + tmp.resolve("missing-secret-name")))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("ASK.tar.gz").hasMessageNotContaining("missing-secret-name")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
  }

  @Test
  void badSpecificationsAreExitTwoWithoutEchoingThePath() {
    for (String spec : List.of("ASK.tar.gz", "=/tmp/x", "ASK.tar.gz=", "a b=/etc/hostname", "../x=/etc/hostname",
        ".hidden=/etc/hostname")) {
      assertThatThrownBy(() -> PrivateInput.parse(spec)).isInstanceOf(AskBuildException.class)
          .hasMessageNotContaining("/tmp/x")
          .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }
  }

  @Test
  void moreSecretsThanTheDockerfileHasSlotsOrOneNameTwiceIsExitTwo() throws Exception {
    Path file = Files.writeString(tmp.resolve("f"), "x");
    List<PrivateInput> five = List.of(new PrivateInput("a", file), new PrivateInput("b", file),
        new PrivateInput("c", file), new PrivateInput("d", file), new PrivateInput("e", file));
    assertThatThrownBy(() -> request(five)).hasMessageContaining("at most 4");
    assertThatThrownBy(() -> request(List.of(new PrivateInput("a", file), new PrivateInput("a", file))))
        .hasMessageContaining("a is given twice");
  }

  private DockerRequest request(List<PrivateInput> privates) {
    return new DockerRequest("demo", List.of(), tmp, tmp, privates, List.of(), List.of(tmp), Optional.empty(), Optional.empty(),
        Optional.empty(), "docker");
  }
}
