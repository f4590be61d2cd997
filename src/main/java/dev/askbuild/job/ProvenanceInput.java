package dev.askbuild.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.core.TrustedFile;
import dev.askbuild.kernel.KernelResult;
import dev.askbuild.sysroot.SysrootResult;
import dev.askbuild.verify.VerifyReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the earlier stages contribute to {@code provenance.json}: the tarballs' hashes as
 * verification proved them (not hashed again), the kernel manifest and the sysroot's key.
 */
final class ProvenanceInput {
  private ProvenanceInput() {}

  static void write(Path file, VerifyReport verified, Optional<KernelResult> kernel, SysrootResult sysroot)
      throws IOException {
    write(file, verified, kernel, sysroot, Map.of());
  }

  /**
   * @param artifactInputs which inputs each artifact is built from ({@link ArtifactInputs}), the
   *     diff's causes
   */
  static void write(Path file, VerifyReport verified, Optional<KernelResult> kernel, SysrootResult sysroot,
      Map<String, java.util.List<String>> artifactInputs) throws IOException {
    Map<String, Object> tarballs = new TreeMap<>();
    for (TrustedFile f : verified.trusted().values()) {
      tarballs.put(f.name(), f.sha256());
    }
    // Pinned by the board (its .hash file) or only listed in SHA256SUMS: what a person asks of an input.
    Map<String, Object> origins = new TreeMap<>();
    verified.verdicts().forEach(v -> {
      if (tarballs.containsKey(v.file())) {
        origins.put(v.file(), v.pinned() ? "pinned" : "listed");
      }
    });
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("tarballs", tarballs);
    provenance.put("tarballOrigins", origins);
    if (!artifactInputs.isEmpty()) {
      provenance.put("artifactInputs", new TreeMap<>(artifactInputs));
    }
    kernel.ifPresent(k -> provenance.put("kernelManifest", k.manifest()));
    provenance.put("sysrootKey", sysroot.key());
    new ObjectMapper().writeValue(file.toFile(), provenance);
  }
}
