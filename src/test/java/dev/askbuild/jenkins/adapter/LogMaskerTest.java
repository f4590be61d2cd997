package dev.askbuild.jenkins.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogMaskerTest {
  @Test
  void masksWholeValuesAndEachLongLineOfAFile() {
    LogMasker masker = LogMasker.of(List.of("-----BEGIN KEY-----\nmQENBFsecretline\n=ab\n-----END KEY-----\n"));
    assertThat(masker.mask("read mQENBFsecretline from key")).isEqualTo("read **** from key");
    // Lines shorter than the minimum are left: "=ab" appears in too many innocent lines.
    assertThat(masker.mask("x=ab")).isEqualTo("x=ab");
  }

  @Test
  void aValueContainingAnotherIsMaskedWhole() {
    LogMasker masker = LogMasker.of(List.of("secret", "secret-and-more"));
    assertThat(masker.mask("[secret-and-more]")).isEqualTo("[****]");
  }

  @Test
  void theStreamMasksAValueSplitAcrossWrites() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = LogMasker.of(List.of("MARKER-4711")).wrap(sink)) {
      out.write("line with MARK".getBytes(StandardCharsets.UTF_8));
      out.write("ER-4711 split\nlast MARKER-4711".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("line with **** split\nlast ****");
  }
}
