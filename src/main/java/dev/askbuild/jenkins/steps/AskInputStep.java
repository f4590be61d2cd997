package dev.askbuild.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundSetter;

/** The input options every stage that reads tarballs shares (the CLI's INPUTS). */
public abstract class AskInputStep extends AskStep {
  private String packages;
  private String cache;
  private Long epoch;
  private List<PrivateTarballEntry> privateTarballs;

  protected AskInputStep(String board) {
    super(board);
  }

  public @CheckForNull String getPackages() {
    return packages;
  }

  @DataBoundSetter
  public void setPackages(@CheckForNull String packages) {
    this.packages = packages;
  }

  public @CheckForNull String getCache() {
    return cache;
  }

  @DataBoundSetter
  public void setCache(@CheckForNull String cache) {
    this.cache = cache;
  }

  public @CheckForNull Long getEpoch() {
    return epoch;
  }

  @DataBoundSetter
  public void setEpoch(@CheckForNull Long epoch) {
    this.epoch = epoch;
  }

  public @CheckForNull List<PrivateTarballEntry> getPrivateTarballs() {
    return privateTarballs;
  }

  @DataBoundSetter
  public void setPrivateTarballs(@CheckForNull List<PrivateTarballEntry> privateTarballs) {
    this.privateTarballs = privateTarballs;
  }

  @Override
  protected Map<String, Object> arguments() {
    Map<String, Object> args = super.arguments();
    args.put("packages", packages);
    args.put("cache", cache);
    args.put("epoch", epoch);
    args.put("privateTarballs", tarballs(privateTarballs));
    return args;
  }
}
