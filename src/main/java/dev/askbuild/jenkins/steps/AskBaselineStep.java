package dev.askbuild.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import jenkins.util.VirtualFile;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code askBaseline}: the record of this job's last successful build, for the check to compare
 * with ({@code askbuild check --baseline DIR}). Copies that build's archived {@code checks.json},
 * {@code provenance.json} and {@code abi.json} (under {@code reports}, the archived path of the
 * reports directory) into the workspace directory {@code dir}, through Jenkins core's own artifact
 * API ({@link Run#getPreviousSuccessfulBuild()}, {@link Run#getArtifactManager()}), so it works with
 * whatever artifact manager the controller uses and needs no other plugin. Returns
 * {@code [dir: absolute path on the agent, build: N]}, or null when there is no earlier successful
 * build or it archived no checks.json; {@code dir} is emptied first either way, so a stale record
 * is never compared with. Short, and run again after a restart.
 */
public final class AskBaselineStep extends Step implements Serializable {
  private static final long serialVersionUID = 1L;
  /** What the engine's diff reads of a build's reports; checks.json is the one it cannot do without. */
  static final List<String> FILES = List.of("checks.json", "provenance.json", "abi.json");
  /** Beside askBuild's default out dir, never inside it (the engine refuses a baseline in its own out dir). */
  public static final String DEFAULT_DIR = "askbuild-baseline";

  private final String reports;
  private String dir;

  @DataBoundConstructor
  public AskBaselineStep(String reports) {
    this.reports = reports;
  }

  public String getReports() {
    return reports;
  }

  public @CheckForNull String getDir() {
    return dir;
  }

  @DataBoundSetter
  public void setDir(@CheckForNull String dir) {
    this.dir = dir == null || dir.isBlank() ? null : dir.strip();
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, reports, dir == null ? DEFAULT_DIR : dir);
  }

  private static final class Execution extends RerunExecution<LinkedHashMap<String, Serializable>> {
    private static final long serialVersionUID = 1L;
    private final String reports;
    private final String dir;

    Execution(StepContext context, String reports, String dir) {
      super(context);
      this.reports = reports;
      this.dir = dir;
    }

    @Override
    protected LinkedHashMap<String, Serializable> run() throws Exception {
      StepContext c = getContext();
      PrintStream log = c.get(TaskListener.class).getLogger();
      FilePath target = c.get(FilePath.class).child(dir);
      target.deleteRecursive();
      Run<?, ?> previous = c.get(Run.class).getPreviousSuccessfulBuild();
      if (previous == null) {
        log.println("askBaseline: no earlier successful build of this job: the check compares with nothing");
        return null;
      }
      VirtualFile archived = child(previous.getArtifactManager().root(), reports);
      if (!archived.child(FILES.get(0)).isFile()) {
        log.println("askBaseline: " + previous.getFullDisplayName() + " archived no " + reports + "/" + FILES.get(0)
            + ": the check compares with nothing");
        return null;
      }
      target.mkdirs();
      List<String> copied = new ArrayList<>();
      for (String name : FILES) {
        VirtualFile file = archived.child(name);
        if (file.isFile()) {
          try (InputStream in = file.open()) {
            target.child(name).copyFrom(in);
          }
          copied.add(name);
        }
      }
      log.println("askBaseline: comparing with " + previous.getFullDisplayName() + " (" + Result.SUCCESS + "): its archived "
          + reports + "/{" + String.join(",", copied) + "} copied to " + target.getRemote());
      LinkedHashMap<String, Serializable> result = new LinkedHashMap<>();
      result.put("dir", target.getRemote());
      result.put("build", previous.getNumber());
      return result;
    }

    /** A relative artifact path, one name at a time (an artifact manager need not take slashes). */
    private static VirtualFile child(VirtualFile root, String path) {
      VirtualFile f = root;
      for (String part : path.split("/")) {
        if (!part.isEmpty() && !part.equals(".")) {
          f = f.child(part);
        }
      }
      return f;
    }
  }

  @Extension
  @Symbol("askBaseline")
  public static final class DescriptorImpl extends AskStepDescriptor {
    public DescriptorImpl() {
      super("askBaseline", "Fetch the last successful build's archived ask-build reports as the check's baseline");
    }
  }
}
