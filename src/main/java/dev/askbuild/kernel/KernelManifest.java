package dev.askbuild.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * What a prepared tree was made from and what it holds; written as {@code kernel-manifest.json}
 * beside the cached tree and copied to the work directory.
 *
 * @param build how far the tree was taken
 * @param moduleSymversSha256 empty string when no full build ran
 */
public record KernelManifest(
    String cacheKey,
    String kernelRelease,
    String kernelTarball,
    String kernelTarballSha256,
    String fragmentSource,
    String fragmentSha256,
    String baseConfig,
    List<PatchEntry> patches,
    List<String> droppedSymbols,
    boolean filtered,
    String toolchainVersion,
    KernelBuildMode build,
    long epoch,
    String dotConfigSha256,
    String moduleSymversSha256)
    implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FILE = "kernel-manifest.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public KernelManifest {
    patches = List.copyOf(patches);
    droppedSymbols = List.copyOf(droppedSymbols);
  }

  /** One applied patch. */
  public record PatchEntry(String name, String sha256) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  void write(Path file) throws IOException {
    JSON.writeValue(file.toFile(), this);
  }

  static KernelManifest read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), KernelManifest.class);
  }
}
