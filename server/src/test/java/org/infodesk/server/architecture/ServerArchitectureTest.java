package org.infodesk.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The arrows of docs/architecture.md for the server: it uses sync-protocol, never the app or
 * JavaFX; HTTP stays in {@code http}, the command line in {@code shell}, the database's
 * machinery (pool, migrations, embedded PostgreSQL) in {@code storage}, POI and Commons CSV in
 * {@code export}; nothing depends on
 * {@code shell}, which wires the rest; no package cycles.
 */
@AnalyzeClasses(packages = "org.infodesk.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    @ArchTest
    static final ArchRule neverDependsOnTheAppOrJavaFx = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.infodesk.app..", "javafx..");

    @ArchTest
    static final ArchRule httpOnlyInHttpAndShell = noClasses()
            .that().resideOutsideOfPackages("org.infodesk.server.http..", "org.infodesk.server.shell..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule commandLineOnlyInShell = noClasses()
            .that().resideOutsideOfPackage("org.infodesk.server.shell..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule databaseMachineryOnlyInStorage = noClasses()
            .that().resideOutsideOfPackage("org.infodesk.server.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("com.zaxxer.hikari..", "org.flywaydb..", "io.zonky..");

    @ArchTest
    static final ArchRule spreadsheetLibrariesOnlyInExport = noClasses()
            .that().resideOutsideOfPackage("org.infodesk.server.export..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..", "org.apache.commons.csv..");

    @ArchTest
    static final ArchRule nothingDependsOnShell = noClasses()
            .that().resideOutsideOfPackage("org.infodesk.server.shell..")
            .should().dependOnClassesThat().resideInAPackage("org.infodesk.server.shell..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("org.infodesk.server.(*)..").should().beFreeOfCycles();
}
