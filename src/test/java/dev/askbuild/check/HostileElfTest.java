package dev.askbuild.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checked-in hostile ELF files (made from a cross-built binary): each rejected, naming file and fault.
 * The timeout only catches a reader that loops on a hostile count; speed is not a claim here.
 */
class HostileElfTest {
  @ParameterizedTest
  @CsvSource({
    "truncated-header.elf, ELF header",
    "huge-section-count.elf, section header 0 at offset 64",
    "phoff-out-of-range.elf, program headers",
    "extended-section-count.elf, 1099511627776 sections is more than",
    "section-names-out-of-range.elf, name of section 1",
  })
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void rejectedWithAClearError(String fixture, String reason) throws URISyntaxException {
    Path file = Path.of(HostileElfTest.class.getResource("hostile/" + fixture).toURI());
    assertThatThrownBy(() -> ElfReader.read(file))
        .isInstanceOf(AskBuildException.class)
        .hasMessageStartingWith(file + ": malformed ELF: ")
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
  }
}
