package dev.askbuild.diff;

import dev.askbuild.check.ArtifactAbi;
import java.io.Serializable;

/**
 * One artifact of a build as its record says: the file facts always, the ABI when the record had
 * one ({@code abi.json}); null {@code abi} for a non-ELF file or a record of files only.
 */
record ArtifactFacts(String path, String kind, long size, String sha256, ArtifactAbi abi) implements Serializable {
  private static final long serialVersionUID = 1L;
}
