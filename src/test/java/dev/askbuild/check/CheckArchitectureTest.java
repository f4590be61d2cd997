package dev.askbuild.check;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The check stage's arrows: report uses check, never the reverse; neither knows the CLI or Jenkins. */
class CheckArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.askbuild");

  @Test
  void checkDependsOnNeitherReportNorCli() {
    noClasses().that().resideInAPackage("dev.askbuild.check..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.askbuild.report..", "dev.askbuild.cli..", "dev.askbuild.board..")
        .check(CLASSES);
  }

  @Test
  void reportDoesNotDependOnCli() {
    noClasses().that().resideInAPackage("dev.askbuild.report..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.askbuild.cli..")
        .check(CLASSES);
  }

  @Test
  void engineNeverPrintsNorStartsProcessesItself() {
    noClasses().that().resideInAnyPackage("dev.askbuild.check..", "dev.askbuild.report..")
        .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
        .orShould().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..")
        .check(CLASSES);
  }
}
