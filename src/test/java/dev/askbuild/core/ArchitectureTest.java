package dev.askbuild.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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
    "dev.askbuild.check..", "dev.askbuild.report..", "dev.askbuild.job..",
    "dev.askbuild.docker..", "dev.askbuild.diff..", "dev.askbuild.cache.."
  };

  /** The requests of the building stages, whatever their constructors' arity. */
  static final java.util.Set<String> BUILD_REQUESTS = java.util.Set.of(
      dev.askbuild.sysroot.SysrootRequest.class.getName(), dev.askbuild.kernel.KernelRequest.class.getName(),
      dev.askbuild.compile.CompileRequest.class.getName());

  /**
   * Requests of the building stages are made in job (and by their own tests), never by a front end.
   * The rule names the request types, not a constructor's parameter list, so a new component cannot
   * turn it into a rule that holds whatever the code does.
   */
  static final com.tngtech.archunit.lang.ArchRule ONLY_JOB_MAKES_BUILD_REQUESTS =
      noClasses().that().resideInAnyPackage("dev.askbuild.cli..", "dev.askbuild.docker..", "dev.askbuild.jenkins..")
          .should().callConstructorWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
              "a constructor of a building stage's request",
              (com.tngtech.archunit.core.domain.JavaConstructorCall call) ->
                  BUILD_REQUESTS.contains(call.getTargetOwner().getName())))
          .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.askbuild.board.BoardProfile$KernelSpec");

  @Test
  void theJobPackageIsTheOnlyTranslationFromABoardToStageRequests() {
    ONLY_JOB_MAKES_BUILD_REQUESTS.check(CLASSES);
  }

  @Test
  void theRequestRuleCatchesAFrontEndMakingACompileRequest() throws ClassNotFoundException {
    // The fixture lives in cli, as a front end would; it is package-private there, so by name.
    JavaClasses bad = new ClassFileImporter().importClasses(Class.forName("dev.askbuild.cli.FrontEndMakingARequest"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ONLY_JOB_MAKES_BUILD_REQUESTS.check(bad))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("FrontEndMakingARequest")
        .hasMessageContaining("CompileRequest.<init>");
  }

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
    // compile may use kernel and sysroot results, report uses check, job composes all stages.
    noClasses().that().resideInAnyPackage("dev.askbuild.verify..", "dev.askbuild.extract..", "dev.askbuild.board..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.askbuild.kernel..", "dev.askbuild.sysroot..", "dev.askbuild.compile..",
            "dev.askbuild.check..", "dev.askbuild.report..", "dev.askbuild.job..", "dev.askbuild.docker..")
        .check(CLASSES);
    noClasses().that().resideInAnyPackage("dev.askbuild.check..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.askbuild.report..", "dev.askbuild.compile..",
            "dev.askbuild.job..")
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  static final ArchCondition<JavaClass> SERIALIZABLE_FIELDS =
      new ArchCondition<>("have only serializable fields") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
          for (JavaField field : item.getFields()) {
            if (field.getModifiers().contains(JavaModifier.STATIC)) {
              continue;
            }
            JavaClass type = field.getRawType();
            boolean ok = type.isPrimitive() || type.isAssignableTo(java.io.Serializable.class)
                || type.isEquivalentTo(java.util.List.class) || type.isEquivalentTo(java.util.Map.class)
                || type.isEquivalentTo(java.util.Set.class);
            if (!ok) {
              events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is a " + type.getName()
                  + ", which does not serialize"));
            }
          }
        }
      };

  /** A result as the rule must refuse it: Serializable in name only, with an Optional inside. */
  record OptionalResult(java.util.Optional<String> value) implements java.io.Serializable {}

  @Test
  void theSerializableRuleCatchesAnOptionalOrPathField() {
    JavaClasses bad = new ClassFileImporter().importClasses(OptionalResult.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            classes().should(SERIALIZABLE_FIELDS).check(bad))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("OptionalResult.value is a java.util.Optional");
  }

  /**
   * A stage's result travels: to the next stage's process (OUT/state), to a Jenkins step's return
   * value, to the build manifest. So every result and report is a {@link java.io.Serializable}
   * record whose fields are serializable too: no {@code Optional}, no {@code Path}.
   */
  @Test
  void everyResultAndReportIsASerializableRecordOfSerializableFields() {
    classes().that().resideInAnyPackage(ENGINE).and().areTopLevelClasses().and().haveSimpleNameEndingWith("Result")
        .or().resideInAnyPackage(ENGINE).and().areTopLevelClasses().and().haveSimpleNameEndingWith("Report")
        .should().implement(java.io.Serializable.class)
        .andShould(SERIALIZABLE_FIELDS)
        .check(CLASSES);
  }

  /** A newcomer's map: every package says what it owns and what it may use. */
  @Test
  void everyPackageHasAPackageInfo() throws java.io.IOException {
    java.nio.file.Path root = java.nio.file.Path.of("src/main/java/dev/askbuild");
    java.util.List<String> missing;
    try (var dirs = java.nio.file.Files.walk(root)) {
      missing = dirs.filter(java.nio.file.Files::isDirectory)
          .filter(d -> hasJava(d) && !java.nio.file.Files.isRegularFile(d.resolve("package-info.java")))
          .map(java.nio.file.Path::toString).sorted().toList();
    }
    org.assertj.core.api.Assertions.assertThat(missing).isEmpty();
  }

  private static boolean hasJava(java.nio.file.Path dir) {
    try (var files = java.nio.file.Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void noCycles() {
    SlicesRuleDefinition.slices().matching("dev.askbuild.(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
