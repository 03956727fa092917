package dev.tta.alertrouter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way, along the pipeline, towards {@code alert}; the stages meet only in
 * the composition root ({@code App}) and the commands.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.tta.alertrouter";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
  }

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void alertValuesDependOnNoStage() {
    noClasses().that().resideInAPackage(ROOT + ".alert..")
        .should().dependOnClassesThat().resideInAnyPackage(
            ROOT + ".config..", ROOT + ".intake..", ROOT + ".store..", ROOT + ".severity..", ROOT + ".routing..",
            ROOT + ".dispatch..", ROOT + ".mute..", ROOT + ".notify..", ROOT + ".runbook..", ROOT + ".metrics..",
            ROOT + ".explain..", ROOT + ".http..", ROOT + ".cli..", ROOT + ".ui..")
        .check(classes);
  }

  /**
   * The web UI renders what the stages decide; it reads them through their public values and the
   * {@code UiBackend} the root answers, and knows neither the HTTP layer (its routes are handed the
   * admin check), the commands, the root, the database nor intake. Only the root and {@code http}
   * (which serves it) know the UI.
   */
  @Test
  void theWebUiReadsTheStagesAndIsKnownOnlyToTheRootAndTheHttpLayer() {
    noClasses().that().resideInAPackage(ROOT + ".ui..")
        .should().dependOnClassesThat().resideInAnyPackage(
            ROOT, ROOT + ".http..", ROOT + ".cli..", ROOT + ".persistence..", ROOT + ".intake..", ROOT + ".severity..")
        .check(classes);
    noClasses().that().resideOutsideOfPackages(ROOT, ROOT + ".http..", ROOT + ".ui..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".ui..")
        .check(classes);
  }

  @Test
  void earlierStagesDoNotKnowLaterOnes() {
    noClasses().that().resideInAnyPackage(ROOT + ".intake..", ROOT + ".store..")
        .should().dependOnClassesThat().resideInAnyPackage(
            ROOT + ".severity..", ROOT + ".routing..", ROOT + ".dispatch..", ROOT + ".mute..", ROOT + ".notify..")
        .check(classes);
    noClasses().that().resideInAnyPackage(ROOT + ".severity..", ROOT + ".routing..")
        .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".dispatch..", ROOT + ".mute..", ROOT + ".notify..")
        .check(classes);
    noClasses().that().resideInAPackage(ROOT + ".dispatch..")
        .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".mute..", ROOT + ".notify..")
        .check(classes);
    noClasses().that().resideInAPackage(ROOT + ".mute..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".notify..")
        .check(classes);
  }

  @Test
  void onlyTheCompositionRootAndCommandsKnowTheHttpLayerAndTheRoot() {
    noClasses().that().resideOutsideOfPackages(ROOT, ROOT + ".cli..", ROOT + ".http..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".http..")
        .check(classes);
    noClasses().that().resideOutsideOfPackages(ROOT, ROOT + ".cli..")
        .should().dependOnClassesThat().resideInAPackage(ROOT)
        .check(classes);
    noClasses().that().resideOutsideOfPackages(ROOT, ROOT + ".cli..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".cli..")
        .check(classes);
  }
}
