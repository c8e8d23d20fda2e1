package org.planwright.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency rule of Planwright, pinned (see docs/architecture.md): domain modules never import JavaFX; the
 * UI never touches JDBC; only the store knows the workbench schema (Flyway); no cycles between modules.
 */
class DependencyRulesTest {

    private static JavaClasses planwright;

    @BeforeAll
    static void importClasses() {
        planwright = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.planwright");
        // guard against a vacuous pass: the import must see every module's production classes
        for (String pkg : new String[] {"app", "cli", "plans", "sqltext", "targetdb", "store", "sandbox", "learning"}) {
            assertThat(planwright.stream().anyMatch(c -> c.getPackageName().startsWith("org.planwright." + pkg)))
                    .as("classes of org.planwright.%s imported", pkg).isTrue();
        }
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
                .should().dependOnClassesThat().resideInAnyPackage("org.flywaydb..", "com.zaxxer.hikari..")
                .because("the workbench schema and its migrations belong to the store module")
                .check(planwright);
    }

    @Test
    void noCyclesBetweenModules() {
        slices().matching("org.planwright.(*)..").should().beFreeOfCycles().check(planwright);
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
