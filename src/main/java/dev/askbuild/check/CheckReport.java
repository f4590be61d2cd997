package dev.askbuild.check;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** Every artifact and every check result of one run, in stable order. */
public record CheckReport(
    List<Artifact> artifacts, List<CheckResult> results, Optional<KernelFacts> kernel, CheckTarget target)
    implements Serializable {
  public CheckReport {
    artifacts = List.copyOf(artifacts);
    results = results.stream().sorted(CheckResult.ORDER).toList();
  }

  public boolean passed() {
    return results.stream().noneMatch(CheckResult::failed);
  }

  public List<CheckResult> failures() {
    return results.stream().filter(CheckResult::failed).toList();
  }

  public long count(CheckStatus status) {
    return results.stream().filter(r -> r.status() == status).count();
  }
}
