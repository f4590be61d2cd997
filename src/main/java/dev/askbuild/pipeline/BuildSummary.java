package dev.askbuild.pipeline;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** What a pipeline run produced: its stages and the sha256 of each artifact in dist/. */
public record BuildSummary(
    String out, List<StageOutcome> stages, String sysroot, String kernelTree, Map<String, String> artifacts)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public BuildSummary {
    stages = List.copyOf(stages);
    artifacts = Map.copyOf(artifacts);
  }
}
