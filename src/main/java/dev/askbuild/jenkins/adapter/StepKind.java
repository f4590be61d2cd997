package dev.askbuild.jenkins.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plugin's steps: each one's Pipeline function name, the engine command it drives, whether it
 * runs as a durable task (long stages that must survive a controller restart), and its parameters,
 * which mirror the command's options. Every step runs a board stage, so every one takes the run's
 * {@code target} and {@code components}: the engine records them in each stage's state and refuses
 * a state file of another selection, so all stages of one build must be given the same ones.
 */
public enum StepKind {
  VERIFY("askVerify", "verify", false, "Verify vendored tarballs",
      List.of(
          Param.credentials("signatureCredentialsId",
              "Secret file credential holding SHA256SUMS's detached OpenPGP signature."),
          Param.credentials("keyringCredentialsId",
              "Secret file credential holding the public key(s) that must have made the signature."),
          Param.flag("strict", "--strict", "Fail when the packages directory holds a file SHA256SUMS does not list."),
          Param.flag("requirePinned", "--require-pinned", "Fail when a tarball the board names is not pinned by hash."))),
  SYSROOT("askSysroot", "sysroot", true, "Stage the arm64 sysroot", List.of()),
  KERNEL("askKernel", "kernel", true, "Prepare the kernel tree",
      List.of(Param.integer("jobs", "--jobs", "Parallel make jobs (default: one per core of the agent)."))),
  COMPILE("askCompile", "compile", true, "Cross-compile ASK", List.of()),
  CHECK("askCheck", "check", false, "Check the artifacts", List.of()),
  /**
   * The freestyle builder: the whole pipeline in one build step, for job-UI users. Runs while the
   * build waits: a freestyle build does not survive a controller restart in any case.
   */
  BUILD("askBuildAll", "build", false, "Build ASK for a board (all stages)",
      List.of(
          Param.string("stages", "--stages", "Stages to run, comma-separated (default: verify,sysroot,kernel,compile,check)."),
          Param.credentials("signatureCredentialsId",
              "Secret file credential holding SHA256SUMS's detached OpenPGP signature."),
          Param.credentials("keyringCredentialsId",
              "Secret file credential holding the public key(s) that must have made the signature.")));

  /** Where every step's output goes, relative to the workspace, when {@code out} is not given. */
  public static final String DEFAULT_OUT = "askbuild-out";

  private final String functionName;
  private final String command;
  private final boolean durable;
  private final String displayName;
  private final List<Param> params;

  StepKind(String functionName, String command, boolean durable, String displayName, List<Param> own) {
    this.functionName = functionName;
    this.command = command;
    this.durable = durable;
    this.displayName = displayName;
    List<Param> all = new ArrayList<>();
    all.add(Param.required("board", "--board", "Board profile, e.g. mono-gateway or demo."));
    all.add(Param.string("out", "--out",
        "Output directory, relative to the workspace (default: " + DEFAULT_OUT + "); every stage of a build uses the same one."));
    if (!command.equals("check")) {
      // check reads only what earlier stages left in the output directory.
      all.add(Param.string("packages", "--packages",
          "Directory of vendored tarballs and SHA256SUMS, relative to the workspace (optional for the demo board)."));
      all.add(Param.string("cache", "--cache", "Engine cache directory on the agent (default: $ASKBUILD_CACHE or ~/.cache/askbuild)."));
      all.add(Param.integer("epoch", "--epoch", "SOURCE_DATE_EPOCH in seconds (default: 1714521600)."));
      all.add(Param.privateTarballs());
    }
    // What the run builds: every stage reads, builds or checks only this selection.
    all.add(Param.string("target", "--target",
        "userspace, modules or dist (default: dist); every stage of a build uses the same one."));
    all.add(Param.string("components", "--components",
        "Components to build, comma-separated without spaces, e.g. libfci,cmm, with what they are built against"
            + " (default: all of the target's); every stage of a build uses the same ones."));
    all.addAll(own);
    this.params = List.copyOf(all);
  }

  /** The Pipeline function name, the step's {@code @Symbol}. */
  public String functionName() {
    return functionName;
  }

  /** The engine's per-stage command. */
  public String command() {
    return command;
  }

  /** Whether the glue runs it as a durable task that survives a controller restart. */
  public boolean durable() {
    return durable;
  }

  public String displayName() {
    return displayName;
  }

  public List<Param> params() {
    return params;
  }

  public Optional<Param> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public static StepKind byFunctionName(String name) {
    for (StepKind k : values()) {
      if (k.functionName.equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException("no step named '" + name + "'");
  }
}
