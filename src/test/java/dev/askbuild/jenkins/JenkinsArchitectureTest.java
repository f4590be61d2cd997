package dev.askbuild.jenkins;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Jenkins layer's arrows: the adapter stays Jenkins-free, the engine never uses the layer. */
class JenkinsArchitectureTest {
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.askbuild");

  @Test
  void theAdapterImportsNoJenkinsSoEveryBuildTestsIt() {
    noClasses().that().resideInAPackage("dev.askbuild.jenkins.adapter..")
        .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..",
            "dev.askbuild.jenkins.steps..", "dev.askbuild.cli..")
        .check(CLASSES);
  }

  /** The plugin jar carries the adapter to the controller without the engine: it calls no engine class. */
  @Test
  void theAdapterCallsNoEngineClassSoTheControllerNeedsNone() {
    noClasses().that().resideInAPackage("dev.askbuild.jenkins.adapter..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.askbuild.core..", "dev.askbuild.board..",
            "dev.askbuild.verify..", "dev.askbuild.extract..", "dev.askbuild.sysroot..", "dev.askbuild.kernel..",
            "dev.askbuild.compile..", "dev.askbuild.check..", "dev.askbuild.report..", "dev.askbuild.job..",
            "dev.askbuild.pipeline..", "dev.askbuild.docker..", "dev.askbuild.jenkins.plan..", "com.fasterxml..")
        .check(CLASSES);
  }

  /** The plan runs inside the engine jar on the agent: the engine's API, no Jenkins. */
  @Test
  void thePlanImportsNoJenkins() {
    noClasses().that().resideInAPackage("dev.askbuild.jenkins.plan..")
        .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..",
            "dev.askbuild.jenkins.steps..", "dev.askbuild.jenkins.adapter..")
        .check(CLASSES);
  }

  @Test
  void noEnginePackageUsesTheJenkinsLayer() {
    noClasses().that().resideInAnyPackage("dev.askbuild.core..", "dev.askbuild.board..", "dev.askbuild.verify..",
            "dev.askbuild.extract..", "dev.askbuild.sysroot..", "dev.askbuild.kernel..", "dev.askbuild.compile..",
            "dev.askbuild.check..", "dev.askbuild.report..", "dev.askbuild.job..", "dev.askbuild.pipeline..",
            "dev.askbuild.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.askbuild.jenkins..")
        .check(CLASSES);
  }
}
