package dev.askbuild.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.askbuild.job.Stage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads BuildKit's plain progress output: which engine stage ran, came from the cache or failed,
 * for how long, and the result line {@code docker/askbuild-stage} printed for it.
 */
public final class BuildLog {
  /** The engine stages, in order; the Dockerfile's build stages of the same names run them. */
  public static final List<String> STAGES = Stage.labels();

  private static final Pattern STEP = Pattern.compile("^#(\\d+) \\[(\\w+) \\d+/\\d+\\] RUN .*askbuild-stage (\\w+)");
  private static final Pattern CACHED = Pattern.compile("^#(\\d+) CACHED");
  private static final Pattern DONE = Pattern.compile("^#(\\d+) DONE (\\d+(?:\\.\\d+)?)s");
  private static final Pattern ERROR = Pattern.compile("^#(\\d+) ERROR");
  private static final Pattern RESULT = Pattern.compile("^#(\\d+) \\d+(?:\\.\\d+)? askbuild-result: (\\{.*\\})\\s*$");
  private static final Pattern PLATFORM = Pattern.compile("^#(\\d+) \\d+(?:\\.\\d+)? askbuild-stage: (\\w+) on (\\S+)");
  /** The step that sends the build context (an earlier "transferring context" step sends .dockerignore). */
  private static final Pattern CONTEXT_STEP = Pattern.compile("^#(\\d+) \\[internal\\] load build context");
  /** The final progress line of a context transfer: {@code #4 transferring context: 151.96MB 1.8s done}. */
  private static final Pattern CONTEXT =
      Pattern.compile("^#(\\d+) transferring context: (\\d+(?:\\.\\d+)?)([kMG]?B) .*done");

  private final Map<String, DockerStageRun> stages;
  private final Map<String, String> machines;
  private final Optional<String> contextSize;

  private BuildLog(Map<String, DockerStageRun> stages, Map<String, String> machines, Optional<String> contextSize) {
    this.stages = stages;
    this.machines = machines;
    this.contextSize = contextSize;
  }

  public static BuildLog parse(List<String> lines) {
    Map<String, String> stageOf = new HashMap<>();
    Map<String, String> state = new HashMap<>();
    Map<String, Double> seconds = new HashMap<>();
    Map<String, JsonNode> results = new HashMap<>();
    Map<String, String> machines = new LinkedHashMap<>();
    Optional<String> context = Optional.empty();
    Optional<String> contextStep = Optional.empty();
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      Matcher m;
      if ((m = STEP.matcher(line)).find()) {
        stageOf.put(m.group(1), m.group(3));
      } else if ((m = CACHED.matcher(line)).find() && stageOf.containsKey(m.group(1))) {
        // The first build of a log tells how the stage went; a later one (the runtime image, made
        // after the artifacts) finds every stage in the cache and must not hide that they ran.
        state.putIfAbsent(stageOf.get(m.group(1)), "cached");
      } else if ((m = DONE.matcher(line)).find() && stageOf.containsKey(m.group(1))) {
        String stage = stageOf.get(m.group(1));
        state.putIfAbsent(stage, "ok");
        seconds.putIfAbsent(stage, Double.parseDouble(m.group(2)));
      } else if ((m = ERROR.matcher(line)).find() && stageOf.containsKey(m.group(1))) {
        state.put(stageOf.get(m.group(1)), "failed");
      } else if ((m = RESULT.matcher(line)).find() && stageOf.containsKey(m.group(1))) {
        try {
          results.put(stageOf.get(m.group(1)), json.readTree(m.group(2)));
        } catch (IOException e) {
          // A result line cut by the log is as good as none; the exit code says what happened.
        }
      } else if ((m = PLATFORM.matcher(line)).find()) {
        machines.put(m.group(2), m.group(3));
      } else if ((m = CONTEXT_STEP.matcher(line)).find()) {
        contextStep = contextStep.isEmpty() ? Optional.of(m.group(1)) : contextStep;
      } else if ((m = CONTEXT.matcher(line)).find() && context.isEmpty() && contextStep.equals(Optional.of(m.group(1)))) {
        // The first build's transfer is the context; a later build of the same log sends only changes.
        context = Optional.of(m.group(2) + m.group(3));
      }
    }
    Map<String, DockerStageRun> runs = new LinkedHashMap<>();
    for (String stage : STAGES) {
      JsonNode result = results.get(stage);
      Optional<Integer> exit = result != null && result.has("exitCode")
          ? Optional.of(result.get("exitCode").asInt()) : Optional.empty();
      Optional<String> error = result != null && result.hasNonNull("error")
          ? Optional.of(result.get("error").asText()) : Optional.empty();
      String s = state.getOrDefault(stage, "not run");
      if (exit.isPresent() && exit.get() != 0) {
        s = "failed";
      }
      runs.put(stage, new DockerStageRun(stage, s, seconds.getOrDefault(stage, 0.0), exit, error));
    }
    return new BuildLog(runs, machines, context);
  }

  /** Every engine stage, in order, including those that did not run. */
  public List<DockerStageRun> stages() {
    return new ArrayList<>(stages.values());
  }

  /** The first stage that failed, if one did. */
  public Optional<DockerStageRun> firstFailure() {
    return stages.values().stream().filter(s -> s.state().equals("failed")).findFirst();
  }

  /** Which machine ({@code uname -m}) each stage that ran executed on. */
  public Map<String, String> machines() {
    return Map.copyOf(machines);
  }

  /** The size of the context BuildKit transferred, as it printed it (e.g. {@code 152.3MB}). */
  public Optional<String> contextSize() {
    return contextSize;
  }
}
