package dev.askbuild.diff;

import java.io.Serializable;
import java.util.List;

/**
 * What changed from a baseline build to the current one: the inputs that moved and every change
 * per artifact, breaking ones first, each in stable order; the counts a summary needs.
 *
 * @param abiCompared false when either side had no ABI record (a checks.json only): files only
 */
public record AbiDiff(
    String baseline,
    String current,
    String baselineKernel,
    String currentKernel,
    int baselineArtifacts,
    int currentArtifacts,
    boolean abiCompared,
    List<InputChange> inputs,
    List<Change> changes)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public AbiDiff {
    inputs = List.copyOf(inputs);
    changes = List.copyOf(changes);
  }

  /** True when an export was removed or a CRC or SONAME changed: what exit 1 means. */
  public boolean abiChanged() {
    return changes.stream().anyMatch(Change::breaking);
  }

  public List<Change> breaks() {
    return changes.stream().filter(Change::breaking).toList();
  }

  public boolean unchanged() {
    return changes.isEmpty() && inputs.isEmpty();
  }

  /** The verdict line: {@code no ABI change}, {@code no change} or {@code ABI CHANGE: ...}. */
  public String verdict() {
    if (abiChanged()) {
      long artifacts = breaks().stream().map(Change::artifact).distinct().count();
      return "ABI CHANGE: " + breaks().size() + " breaking in " + artifacts + " artifact(s), " + changes.size()
          + " change(s) in all";
    }
    if (changes.isEmpty()) {
      return inputs.isEmpty() ? "no change" : "no ABI change (" + inputs.size() + " input(s) moved, no artifact changed)";
    }
    return "no ABI change (" + changes.size() + " other change(s))";
  }
}
