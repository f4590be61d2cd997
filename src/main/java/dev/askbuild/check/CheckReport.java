package dev.askbuild.check;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Every artifact and every check result of one run, in stable order, with the stage's messages.
 *
 * @param kernelFacts the kernel the modules were checked against; null when no tree was given
 * @param abi the interface of every ELF artifact (what {@code abi.json} records), in path order
 */
public record CheckReport(
    List<Artifact> artifacts,
    List<CheckResult> results,
    KernelFacts kernelFacts,
    CheckTarget target,
    List<String> messages,
    List<ArtifactAbi> abi)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public CheckReport {
    artifacts = List.copyOf(artifacts);
    results = results.stream().sorted(CheckResult.ORDER).toList();
    messages = List.copyOf(messages);
    abi = List.copyOf(abi);
  }

  /** A report without ABI facts (one made outside the check, e.g. by a test of the reports). */
  public CheckReport(List<Artifact> artifacts, List<CheckResult> results, KernelFacts kernelFacts, CheckTarget target,
      List<String> messages) {
    this(artifacts, results, kernelFacts, target, messages, List.of());
  }

  /**
   * The same report with {@code more} results after its own (a caller's cases, such as a board run's
   * check of what the compile stage delivered); every other fact, the ABI record too, is kept.
   */
  public CheckReport withResults(List<CheckResult> more) {
    List<CheckResult> all = new java.util.ArrayList<>(results);
    all.addAll(more);
    return new CheckReport(artifacts, all, kernelFacts, target, messages, abi);
  }

  public Optional<KernelFacts> kernel() {
    return Optional.ofNullable(kernelFacts);
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
