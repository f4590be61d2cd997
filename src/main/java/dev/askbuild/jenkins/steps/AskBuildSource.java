package dev.askbuild.jenkins.steps;

import hudson.Extension;
import java.net.URL;
import org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist;

/**
 * Lets Pipelines load this plugin's {@code askBuild.groovy} and nothing else: workflow-cps refuses
 * every Groovy source on Jenkins' class path that no allowlist names, since the trusted shell
 * compiles it without the sandbox. Only the exact resource of this plugin's jar is allowed.
 */
@Extension
public final class AskBuildSource extends GroovySourceFileAllowlist {
  private static final URL SOURCE = AskBuildSource.class.getResource("/" + AskBuildVariable.NAME + ".groovy");

  @Override
  public boolean isAllowed(String groovySourceFileUrl) {
    return SOURCE != null && SOURCE.toString().equals(groovySourceFileUrl);
  }
}
