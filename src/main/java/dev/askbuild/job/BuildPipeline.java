package dev.askbuild.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code askbuild build}: the stages in order, each run through the same per-stage API as the
 * stage commands; the first failing stage stops the run with its own exit code.
 */
public final class BuildPipeline {
  private final BoardJob job;

  public BuildPipeline(BoardJob job) {
    this.job = job;
  }

  public Manifest run(JobRequest request, Set<Stage> stages) throws IOException {
    List<Stage> order = Stage.plan(stages, request.target());
    // A stage whose input neither runs here nor is left by an earlier run fails now, not after hours.
    List<String> unmet = new ArrayList<>();
    for (Stage stage : order) {
      for (Stage need : stage.needs(request.target())) {
        if (!order.contains(need) && !job.hasResult(need)) {
          unmet.add(stage.label() + " needs " + need.label());
        }
      }
    }
    if (!unmet.isEmpty()) {
      throw AskBuildException.badInput("--stages " + String.join(",", order.stream().map(Stage::label).toList())
          + ": " + String.join("; ", unmet) + ", which is neither selected nor left in "
          + job.workspace().state() + " by an earlier run");
    }
    List<StageRun> runs = new ArrayList<>();
    Map<String, String> artifacts = new TreeMap<>();
    for (Stage stage : order) {
      StageRun run = job.run(stage);
      runs.add(run);
      if (run.summary().get("artifacts") instanceof Map<?, ?> built) {
        built.forEach((name, sha) -> artifacts.put(name.toString(), sha.toString()));
      }
    }
    Manifest manifest = new Manifest(request.board(), request.epoch(), request.target().label(),
        List.copyOf(job.components()), job.inputs().packages().toString(), order.stream().map(Stage::label).toList(), runs, artifacts);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(job.workspace().manifest().toFile(), manifest);
    return manifest;
  }
}
