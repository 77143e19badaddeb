package org.infodesk.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of docs/architecture.md for the server: it uses sync-protocol, never the app or JavaFX. */
@AnalyzeClasses(packages = "org.infodesk.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    @ArchTest
    static final ArchRule neverDependsOnTheAppOrJavaFx = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.infodesk.app..", "javafx..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("org.infodesk.server.(*)..").should().beFreeOfCycles();
}
