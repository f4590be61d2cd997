package dev.askbuild.diff;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One side of a diff: where it was read from, the artifacts by path, the inputs by name (value:
 * a hash or a version) and, where the provenance says so, which inputs each artifact is built from.
 *
 * @param abiKnown true when the record held the ABI facts (abi.json), false for a checks.json only
 */
record Snapshot(
    String source,
    String board,
    String kernelRelease,
    SortedMap<String, ArtifactFacts> artifacts,
    SortedMap<String, InputFact> inputs,
    Map<String, List<String>> artifactInputs,
    boolean abiKnown) {
  Snapshot {
    artifacts = new TreeMap<>(artifacts);
    inputs = new TreeMap<>(inputs);
    artifactInputs = Map.copyOf(artifactInputs);
  }
}
