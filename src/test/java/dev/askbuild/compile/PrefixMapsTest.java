package dev.askbuild.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrefixMapsTest {
  @Test
  void everyRootIsMappedToItsFixedNameWidestFirstSoTheNarrowestWins() {
    // GCC takes the last matching map: the tree (inside the work directory) must come after it.
    PrefixMaps maps = PrefixMaps.of(Path.of("/o/work/compile"), Path.of("/o/work/compile/src/ask"),
        Path.of("/c/sysroot-1"), Optional.of(Path.of("/c/kernel/k1/tree")));

    assertThat(maps.options()).filteredOn(o -> o.startsWith("-ffile-prefix-map=")).containsExactly(
        "-ffile-prefix-map=/c/sysroot-1=/sysroot",
        "-ffile-prefix-map=/o/work/compile=/work",
        "-ffile-prefix-map=/c/kernel/k1/tree=/kernel",
        "-ffile-prefix-map=/o/work/compile/src/ask=/ask");
    assertThat(maps.options()).contains("-fdebug-prefix-map=/c/sysroot-1=/sysroot",
        "-fmacro-prefix-map=/c/kernel/k1/tree=/kernel").hasSize(12);
  }
}
