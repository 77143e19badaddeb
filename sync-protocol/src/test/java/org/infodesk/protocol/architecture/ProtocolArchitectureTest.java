package org.infodesk.protocol.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of docs/architecture.md for sync-protocol: it stands alone. */
@AnalyzeClasses(packages = "org.infodesk.protocol", importOptions = ImportOption.DoNotIncludeTests.class)
class ProtocolArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherProjectModule = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.infodesk.app..", "org.infodesk.server..");

    @ArchTest
    static final ArchRule hasNoUiDatabaseOrHttp = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.sql..", "javax.sql..", "okhttp3..", "io.javalin..", "org.eclipse.jetty..",
                    "com.sun.net.httpserver..");

    @ArchTest
    static final ArchRule keepsTheExpressionLibraryInsideTheRuleEngine = noClasses()
            .that().resideOutsideOfPackage("org.infodesk.protocol.rules..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.commons.jexl3..");

    @ArchTest
    static final ArchRule keepsTheCanonicalisationLibraryBehindCanonicalJson = noClasses()
            .that().doNotHaveFullyQualifiedName("org.infodesk.protocol.submission.CanonicalJson")
            .should().dependOnClassesThat().resideInAPackage("org.erdtman.jcs..");

    @ArchTest
    static final ArchRule keepsTheSignatureLibraryBehindEd25519Keys = noClasses()
            .that().doNotHaveFullyQualifiedName("org.infodesk.protocol.submission.Ed25519Keys")
            .and().doNotHaveFullyQualifiedName("org.infodesk.protocol.submission.Ed25519Keys$Signer")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..");

    @ArchTest
    static final ArchRule hasNoPackageCycles = slices().matching("org.infodesk.protocol.(*)..").should().beFreeOfCycles();
}
