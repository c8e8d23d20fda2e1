package org.planwright.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's layering (docs/architecture.md, "The app", ADR 0008): feature packages without cycles, view models
 * without scenes, and one place that starts threads and hops to the FX thread.
 */
class AppLayersTest {

    private static final String APP = "org.planwright.app";
    private static final String CONCURRENT = "org.planwright.app.concurrent..";

    /** Classes whose only use is to start threads: executors' factories, pools, timers, JavaFX services. */
    private static final String THREAD_SOURCES = "java\\.util\\.concurrent\\.(Executors|ForkJoinPool)|java\\.util\\.Timer"
            + "|javafx\\.concurrent\\.(Scheduled)?Service";

    private static JavaClasses planwright;

    @BeforeAll
    static void importClasses() {
        planwright = PlanwrightClasses.production();
        // guard against a vacuous pass: the view-model rule must see the app's view models
        assertThat(planwright.stream().filter(c -> c.getSimpleName().endsWith("ViewModel")).count())
                .as("view models imported").isGreaterThanOrEqualTo(15);
    }

    @Test
    void noCyclesBetweenAppFeaturePackages() {
        // org.planwright.app.<feature>.. (plan.graph belongs to plan); the root package is the wiring
        slices().matching(APP + ".(*)..").namingSlices("app.$1")
                .should().beFreeOfCycles()
                .because("a feature package depends on the features it uses, never back (main wires them all)")
                .check(planwright);
    }

    @Test
    void viewModelsNeverUseScenesOrStages() {
        noClasses().that().resideInAPackage(APP + "..")
                .and(viewModelsAndTheirData())
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models hold state and commands as properties and are tested without a scene; "
                        + "only views build nodes and windows")
                .check(planwright);
    }

    @Test
    void threadsAndRunLaterOnlyInAppConcurrent() {
        noClasses().that().resideInAPackage(APP + "..").and().resideOutsideOfPackage(CONCURRENT)
                .should().accessTargetWhere(startsThreadsOrHopsToTheFxThread())
                .orShould().dependOnClassesThat().haveNameMatching(THREAD_SOURCES)
                .because("background work runs through the one BackgroundExecutor (app.concurrent), whose "
                        + "same-thread twin lets view-model tests run without threads")
                .check(planwright);
    }

    @Test
    void onlyTheWiringReachesTheServiceLocator() {
        noClasses().that().resideInAPackage(APP + "..")
                .and().resideOutsideOfPackages(APP, APP + ".startup..")
                .and().doNotHaveFullyQualifiedName(APP + ".main.MainViewModel")
                .should().callMethodWhere(DescribedPredicate.describe("the target is a method of AppServices",
                        call -> call.getTargetOwner().getFullName().equals(APP + ".AppServices")))
                .because("view models get the services they need by constructor injection, wired in "
                        + "MainViewModel's constructor; views get only view models (ADR 0008)")
                .check(planwright);
    }

    /**
     * Classes that must not build scenes: every {@code *ViewModel}, the records and enums that view models
     * hand to views, the app's background executor, and the services' wiring ({@code AppServices}).
     */
    private static DescribedPredicate<JavaClass> viewModelsAndTheirData() {
        return DescribedPredicate.describe("are view models, records, enums, app.concurrent or AppServices",
                c -> c.getSimpleName().endsWith("ViewModel")
                        || c.isRecord()
                        || c.isEnum()
                        || c.getPackageName().startsWith(APP + ".concurrent")
                        || c.getFullName().equals(APP + ".AppServices"));
    }

    /**
     * Accesses that start a thread or post to the FX thread: {@code new Thread} (any subclass),
     * {@code Thread.ofVirtual/ofPlatform/startVirtualThread}, {@code CompletableFuture.runAsync/supplyAsync}
     * and the {@code *Async} methods that take no {@link Executor} (they use the common fork-join pool),
     * {@code Platform.runLater}.
     */
    private static DescribedPredicate<JavaAccess<?>> startsThreadsOrHopsToTheFxThread() {
        return DescribedPredicate.describe("start a thread or post to the FX thread", access -> {
            AccessTarget target = access.getTarget();
            JavaClass owner = target.getOwner();
            String name = target.getName();
            if (owner.isAssignableTo(Thread.class)) {
                return name.equals("<init>") || Set.of("ofVirtual", "ofPlatform", "startVirtualThread").contains(name);
            }
            if (owner.getFullName().equals("javafx.application.Platform")) {
                return name.equals("runLater");
            }
            if (owner.isAssignableTo(CompletableFuture.class) && name.endsWith("Async")
                    && target instanceof AccessTarget.CodeUnitAccessTarget unit) {
                return unit.getRawParameterTypes().stream().noneMatch(p -> p.isAssignableTo(Executor.class));
            }
            return false;
        });
    }
}
