package dev.askbuild.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** The package arrows of the engine, drawn once and held here. */
class ArchitectureTest {
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.askbuild");

  static final String[] ENGINE = {
    "dev.askbuild.core..", "dev.askbuild.board..", "dev.askbuild.verify..", "dev.askbuild.extract..",
    "dev.askbuild.sysroot..", "dev.askbuild.kernel..", "dev.askbuild.compile..",
    "dev.askbuild.check..", "dev.askbuild.report..", "dev.askbuild.pipeline..", "dev.askbuild.docker.."
  };

  @Test
  void engineNeverImportsJenkins() {
    noClasses().that().resideInAnyPackage(ENGINE)
        .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..")
        .check(CLASSES);
  }

  @Test
  void engineNeverUsesTheFrontEnds() {
    noClasses().that().resideInAnyPackage(ENGINE)
        .should().dependOnClassesThat().resideInAnyPackage("dev.askbuild.cli..", "dev.askbuild.jenkins..")
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void engineNeverPrints() {
    noClasses().that().resideInAnyPackage(ENGINE)
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .check(CLASSES);
  }

  @Test
  void processesStartOnlyInTheOneRunner() {
    noClasses().that().doNotHaveFullyQualifiedName(ProcessRunner.class.getName())
        .and().resideOutsideOfPackage("dev.askbuild.cli..")
        .should().callConstructor(ProcessBuilder.class, String[].class)
        .orShould().callConstructor(ProcessBuilder.class, java.util.List.class)
        .orShould().callMethod(Runtime.class, "exec", String.class)
        .check(CLASSES);
  }

  @Test
  void archivesAreReadOnlyThroughTheExtractStage() {
    noClasses().that().resideOutsideOfPackage("dev.askbuild.extract..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.commons.compress.archivers..")
        .check(CLASSES);
  }

  @Test
  void stagesUseOnlyBoardAndCoreExceptWhereTheDesignSaysSo() {
    // compile may use kernel and sysroot results, report uses check, pipeline composes all stages.
    noClasses().that().resideInAnyPackage("dev.askbuild.verify..", "dev.askbuild.extract..", "dev.askbuild.board..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.askbuild.kernel..", "dev.askbuild.sysroot..", "dev.askbuild.compile..",
            "dev.askbuild.check..", "dev.askbuild.report..", "dev.askbuild.pipeline..", "dev.askbuild.docker..")
        .check(CLASSES);
    noClasses().that().resideInAnyPackage("dev.askbuild.check..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.askbuild.report..", "dev.askbuild.compile..",
            "dev.askbuild.pipeline..")
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void noCycles() {
    SlicesRuleDefinition.slices().matching("dev.askbuild.(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
