package dev.askbuild.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A report names a cached kernel tree by its place in the cache, so its bytes do not depend on where the cache is. */
class ProvenancePathsTest {
  @Test
  void aCachedTreeIsNamedInTheCacheAndATreeGivenByHandByItsPath() {
    assertThat(Provenance.kernelFile("/work/C1/kernel/b2a5dcb533a38b0be8d09a0b/tree", ".config"))
        .isEqualTo(Provenance.kernelFile("/srv/agents/7/cache/kernel/b2a5dcb533a38b0be8d09a0b/tree", ".config"))
        .isEqualTo("$CACHE/kernel/b2a5dcb533a38b0be8d09a0b/tree/.config");
    assertThat(Provenance.kernelFile("/home/me/linux", "Module.symvers")).isEqualTo("/home/me/linux/Module.symvers");
    assertThat(Provenance.kernelFile("/home/me/tree", "Module.symvers")).isEqualTo("/home/me/tree/Module.symvers");
  }
}
