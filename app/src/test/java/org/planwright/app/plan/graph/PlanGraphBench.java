package org.planwright.app.plan.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.app.PlanwrightApp;
import org.planwright.app.plan.PlanView;
import org.planwright.app.plan.PlanViewModel;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanParser;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Benchmark, not a test: prints how long the plan view takes to lay out and show a real plan over 2,000
 * partitions (EXPLAIN ANALYZE of a full scan from the test PostgreSQL, 2,002 nodes), with the large Append
 * collapsed (the default) and fully expanded, and how long one scroll step of the expanded graph takes. It
 * asserts nothing about time (machines are noisy); figures are medians and maxima over repeated runs.
 * Run: {@code ./mvnw -pl app verify -Dtest=PlanGraphBench -Dplanwright.bench=true}.
 */
@ExtendWith(PostgresExtension.class)
@EnabledIfSystemProperty(named = "planwright.bench", matches = "true",
        disabledReason = "a benchmark; run it with -Dplanwright.bench=true")
class PlanGraphBench {

    private static final int PARTITIONS = 2_000;
    private static final int RUNS = 15;

    @Test
    void layOutShowAndScrollA2000PartitionPlan(PostgresFixture pg) throws Exception {
        String json = PartitionedPlans.fullScanPlan(pg, PARTITIONS);
        Path saved = Path.of("target", "bench", "partitions-" + PARTITIONS + ".json");
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, json);
        Plan plan = PlanParser.parse(json);
        print("plan: %,d nodes, %,d characters of JSON (saved as %s)", plan.nodeCount(), json.length(), saved);

        print("parse (PlanParser.parse): %s", time(() -> PlanParser.parse(json)));
        Set<Integer> collapsed = PlanGraphLayout.defaultCollapsed(plan);
        print("layout, Append collapsed (default): %s", time(() -> PlanGraphLayout.of(plan, collapsed)));
        print("layout, all %,d nodes expanded: %s", plan.nodeCount(), time(() -> PlanGraphLayout.of(plan, Set.of())));

        print("source positions (PlanSourceLines.of): %s",
                time(() -> org.planwright.app.plan.source.PlanSourceLines.of(json, plan)));
        print("statistics (PlanStatistics.of): %s", time(() -> org.planwright.app.plan.stats.PlanStatistics.of(plan)));
        print("SVG of the expanded graph: %s",
                time(() -> GraphSvgWriter.toSvg(PlanGraphLayout.of(plan, Set.of()), GraphColouring.EXCLUSIVE_TIME)));
        FxToolkit.registerPrimaryStage();
        PlanViewModel vm = new PlanViewModel();
        PlanView[] view = new PlanView[1];
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            view[0] = new PlanView(vm);
            Scene scene = new Scene(view[0], 1400, 900);
            scene.getStylesheets().add(PlanwrightApp.class.getResource("planwright.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            ((TabPane) view[0].lookup("#plan-views")).getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitForFxEvents();

        print("one frame of the empty plan view (the render cost every figure below includes): %s",
                timeFx(() -> frame(view[0]), () -> { }));
        List<Double> model = new ArrayList<>();
        List<Double> cssLayout = new ArrayList<>();
        List<Double> render = new ArrayList<>();
        for (int i = 0; i < RUNS + 2; i++) {
            fx(() -> {
                vm.clear();
                return frame(view[0]);
            });
            double[] t = fx(() -> {
                long t0 = System.nanoTime();
                vm.show(plan, "", List.of(), json);
                long t1 = System.nanoTime();
                view[0].applyCss();
                view[0].layout();
                long t2 = System.nanoTime();
                view[0].snapshot(null, null);
                long t3 = System.nanoTime();
                return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6};
            });
            if (i >= 2) {
                model.add(t[0]);
                cssLayout.add(t[1]);
                render.add(t[2]);
            }
        }
        print("show, split: PlanViewModel.show with every view's listeners %s", stats(model));
        print("             CSS + layout of the first frame %s", stats(cssLayout));
        print("             render (snapshot) %s", stats(render));
        print("show in the plan view (all tabs update; graph tab visible), Append collapsed: %s",
                timeFx(() -> {
                    vm.show(plan, "", List.of(), json);
                    return frame(view[0]);
                }, () -> vm.clear()));
        print("  boxes drawn as JavaFX nodes: %d", fx(() -> view[0].graph().drawnBoxCount()));
        print("expand all %,d nodes in the graph: %s", plan.nodeCount(), timeFx(() -> {
            vm.graph().expandAll();
            return frame(view[0]);
        }, () -> vm.graph().toggle(PlanGraphLayout.defaultCollapsed(plan).iterator().next())));
        fx(() -> {
            vm.graph().expandAll();
            return frame(view[0]);
        });
        print("  boxes drawn as JavaFX nodes: %d of %,d laid out", fx(() -> view[0].graph().drawnBoxCount()),
                plan.nodeCount());

        ScrollPane scroll = fx(() -> (ScrollPane) view[0].graph().lookup(".graph-scroll"));
        List<Double> steps = new ArrayList<>();
        for (int i = 0; i <= 200; i++) {
            double h = i / 200.0;
            long t0 = System.nanoTime();
            fx(() -> {
                scroll.setVvalue(1.0);
                scroll.setHvalue(h);
                view[0].graph().refresh();
                return frame(view[0]);
            });
            steps.add((System.nanoTime() - t0) / 1e6);
        }
        print("scroll the expanded graph across its width in 200 steps, per step (refresh + render): %s",
                stats(steps));
        print("  boxes drawn after scrolling: %d", fx(() -> view[0].graph().drawnBoxCount()));
        FxToolkit.cleanupStages();
    }

    /** Lays out, applies CSS and renders the view once (a snapshot), like a pulse would. */
    private static Object frame(PlanView view) {
        view.applyCss();
        view.layout();
        return view.snapshot(null, null);
    }

    private static String time(Callable<?> work) throws Exception {
        for (int i = 0; i < 3; i++) {
            work.call();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            work.call();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return stats(ms);
    }

    private static String timeFx(Callable<?> work, Runnable reset) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS + 2; i++) {
            fx(() -> {
                reset.run();
                return frame0();
            });
            long t0 = System.nanoTime();
            fx(work);
            if (i >= 2) {
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return stats(ms);
    }

    private static String timeFxAfter(Runnable before, Callable<?> work, Runnable reset) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS + 2; i++) {
            fx(() -> {
                reset.run();
                before.run();
                return null;
            });
            long t0 = System.nanoTime();
            fx(work);
            if (i >= 2) {
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return stats(ms);
    }

    private static Object frame0() {
        return null;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        Object[] out = new Object[1];
        Exception[] err = new Exception[1];
        javafx.application.Platform.runLater(() -> {
            try {
                out[0] = work.call();
            } catch (Exception e) {
                err[0] = e;
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        if (err[0] != null) {
            throw err[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    private static String stats(List<Double> ms) {
        double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "median %.1f ms, min %.1f ms, max %.1f ms (%d runs)",
                a[a.length / 2], a[0], a[a.length - 1], a.length) + (a.length > 20
                ? String.format(Locale.ROOT, ", p95 %.1f ms", a[(int) (a.length * 0.95)]) : "");
    }

    private static void print(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }

    @SuppressWarnings("unused")
    private static String arr(double[] a) {
        return Arrays.toString(a);
    }
}
