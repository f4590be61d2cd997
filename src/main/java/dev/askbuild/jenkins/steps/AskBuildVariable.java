package dev.askbuild.jenkins.steps;

import groovy.lang.Binding;
import hudson.Extension;
import org.jenkinsci.plugins.workflow.cps.CpsScript;
import org.jenkinsci.plugins.workflow.cps.GlobalVariable;

/**
 * {@code askBuild}: the whole Jenkinsfile for a board, contributed by the plugin as docker-workflow
 * contributes {@code docker} ({@code DockerDSL}). Its Groovy is {@code askBuild.groovy} at the root
 * of the plugin jar, the build's copy of {@code vars/askBuild.groovy}, loaded by the Pipeline's own
 * class loader as class {@code askBuild} (as a shared library's {@code vars/} file is), compiled
 * by the trusted shell, so a Jenkinsfile of {@code askBuild board: 'demo'} needs nothing configured.
 */
@Extension
public final class AskBuildVariable extends GlobalVariable {
  static final String NAME = "askBuild";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public Object getValue(CpsScript script) throws Exception {
    Binding binding = script.getBinding();
    if (binding.hasVariable(NAME)) {
      return binding.getVariable(NAME);
    }
    // A constructor, not a method: it is not CPS-transformed, so it may be called from here.
    Object value = script.getClass().getClassLoader().loadClass(NAME).getDeclaredConstructor().newInstance();
    binding.setVariable(NAME, value);
    return value;
  }
}
