package org.planwright.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of Planwright, pinned (see docs/architecture.md): domain modules never import JavaFX; the
 * UI never touches JDBC; only the store knows the workbench schema (Flyway); the PostgreSQL driver stays in the
 * database-access modules; no cycles between modules nor between the packages inside one. The app's own layering
 * (feature packages, view models, threads) is pinned by {@link AppLayersTest}.
 */
class DependencyRulesTest {

    private static JavaClasses planwright;

    @BeforeAll
    static void importClasses() {
        planwright = PlanwrightClasses.production();
    }

    @Test
    void domainModulesNeverImportJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.planwright.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..", "atlantafx..",
                        "org.controlsfx..", "org.kordamp.ikonli..")
                .because("only the app module is a JavaFX module; domain code must run in the CLI and tests")
                .check(planwright);
    }

    @Test
    void theUiNeverTouchesJdbc() {
        noClasses().that().resideInAPackage("org.planwright.app..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..",
                        "org.h2..", "com.zaxxer.hikari..", "org.flywaydb..")
                .because("the UI calls services; it never uses JDBC directly")
                .check(planwright);
    }

    @Test
    void onlyTheStoreKnowsTheWorkbenchSchema() {
        noClasses().that().resideOutsideOfPackage("org.planwright.store..")
                .should().dependOnClassesThat().resideInAnyPackage("com.zaxxer.hikari..")
                .because("the workbench store owns the connection pool")
                .check(planwright);
        noClasses().that().resideOutsideOfPackages("org.planwright.store..", "org.planwright.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("org.flywaydb..")
                .because("the workbench schema's migrations belong to the store module, the team schema's to sync")
                .check(planwright);
    }

    @Test
    void onlySyncKnowsTheRemoteSchema() {
        noClasses().that().resideOutsideOfPackage("org.planwright.sync..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.planwright.sync.TeamSchema")
                .because("the team schema (db/team migrations, its tables and policies) belongs to the sync module;"
                        + " others use SyncClient and TeamAdmin")
                .check(planwright);
        noClasses().that().resideInAPackage("org.planwright.store..")
                .should().dependOnClassesThat().resideInAPackage("org.planwright.sync..")
                .because("the store knows nothing of the team server: sync drives it through SyncStore")
                .check(planwright);
    }

    @Test
    void thePostgresDriverStaysInTheDatabaseAccessModules() {
        noClasses().that().resideOutsideOfPackages("org.planwright.targetdb..", "org.planwright.sandbox..",
                        "org.planwright.testsupport..")
                .should().dependOnClassesThat().resideInAPackage("org.postgresql..")
                .because("PgJDBC classes stay in target-db, sandbox and test-support; elsewhere use java.sql "
                        + "interfaces and connections obtained through target-db")
                .check(planwright);
    }

    @Test
    void noCyclesBetweenModules() {
        slices().matching("org.planwright.(*)..").should().beFreeOfCycles().check(planwright);
    }

    @Test
    void noCyclesBetweenThePackagesOfAModule() {
        // pdfsam's TestCycles, for every module at once: org.planwright.<module>.<package>.. slices
        slices().matching("org.planwright.(*).(*)..").namingSlices("$1.$2")
                .should().beFreeOfCycles()
                .check(planwright);
    }

    @Test
    void libraryCodeLogsInsteadOfPrinting() {
        noClasses().that().resideOutsideOfPackage("org.planwright.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("library code logs through SLF4J; only the CLI prints")
                .check(planwright);
    }

    @Test
    void noJavaUtilLogging() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(planwright);
    }
}
