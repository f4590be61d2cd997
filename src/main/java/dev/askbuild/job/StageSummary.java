package dev.askbuild.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one stage reports to its front ends, typed per stage: the {@code result} object of a stage
 * command's {@code --json} (its JSON form is the record's components, in order), a Jenkins step's
 * return value and a run in {@code manifest.json}. A front end reads a component, never a string key.
 */
public sealed interface StageSummary extends Serializable {

  /** The files each stage found; the kernel survey's figures only for a target with modules. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Verify(boolean passed, long files, long pinned, long unlisted, int failures, String signature, String sums,
      String kernelVersion, Integer kernelPatchedFiles, Integer kernelNeedsChecked) implements StageSummary {
    private static final long serialVersionUID = 1L;
  }

  record Sysroot(String sysroot, String key, boolean cacheHit) implements StageSummary {
    private static final long serialVersionUID = 1L;
  }

  record Kernel(String tree, String release, String mode, boolean cacheHit, java.util.List<String> droppedSymbols)
      implements StageSummary {
    private static final long serialVersionUID = 1L;

    public Kernel {
      droppedSymbols = java.util.List.copyOf(droppedSymbols);
    }
  }

  /** @param artifacts the sha256 of each file in {@code dist/}, by name */
  record Compile(String dist, Map<String, String> artifacts) implements StageSummary {
    private static final long serialVersionUID = 1L;

    public Compile {
      artifacts = new TreeMap<>(artifacts);
    }
  }

  /** @param artifacts how many artifacts were checked */
  record Check(boolean passed, long passedChecks, long failedChecks, int artifacts, String reportDir, String reportHtml,
      String junitXml) implements StageSummary {
    private static final long serialVersionUID = 1L;
  }

  /** The whole of {@code askbuild build}: every artifact and where the manifest is. */
  record Build(Map<String, String> artifacts, String manifest) implements StageSummary {
    private static final long serialVersionUID = 1L;

    public Build {
      artifacts = new TreeMap<>(artifacts);
    }
  }

  /** A failed stage reports nothing but its error: an empty {@code result} object. */
  record None() implements StageSummary {
    private static final long serialVersionUID = 1L;

    @com.fasterxml.jackson.annotation.JsonValue
    Map<String, Object> json() {
      return Map.of();
    }
  }
}
