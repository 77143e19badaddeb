package org.infodesk.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of docs/architecture.md for the app: features as packages, JavaFX only in ui and shell. */
@AnalyzeClasses(packages = "org.infodesk.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTest {

    @ArchTest
    static final ArchRule javaFxOnlyInUiAndShell = noClasses()
            .that().resideOutsideOfPackages("org.infodesk.app..ui..", "org.infodesk.app.shell..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule neverDependsOnTheServer = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.infodesk.server..");

    @ArchTest
    static final ArchRule onlyTheShellAndStorageSeeTheStorageImplementation = noClasses()
            .that().resideOutsideOfPackages("org.infodesk.app.storage..", "org.infodesk.app.shell..")
            .should().dependOnClassesThat().resideInAPackage("org.infodesk.app.storage..");

    @ArchTest
    static final ArchRule onlyStorageSpeaksSql = noClasses()
            .that().resideOutsideOfPackage("org.infodesk.app.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.flywaydb..");

    /** JavaFX 21 draws wrapped Thai wrongly (each line with the rest of its run): ui.WrappingLabel breaks lines itself. */
    @ArchTest
    static final ArchRule thaiIsWrappedByWrappingLabelOnly = noClasses()
            .that().doNotHaveFullyQualifiedName("org.infodesk.app.ui.WrappingLabel")
            .should().callMethod(javafx.scene.control.Labeled.class, "setWrapText", boolean.class)
            .orShould().callMethod(javafx.scene.text.Text.class, "setWrappingWidth", double.class)
            .because("JavaFX's own wrapping draws wrapped Thai lines twice; use ui.WrappingLabel");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("org.infodesk.app.(*)..").should().beFreeOfCycles();
}
