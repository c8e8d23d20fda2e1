package org.planwright.app.learning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.learning.LearningService;
import org.planwright.learning.LearningSettings;
import org.planwright.learning.LearningSnapshot;
import org.planwright.learning.SyntheticOutcomes;
import org.planwright.store.Feedback;
import org.planwright.store.TrialOutcome;
import org.planwright.store.Workspace;
import org.planwright.store.WorkbenchStore;

/**
 * Writes the Learning page's screenshot: over an existing store's first workspace when a second argument names
 * the store folder (docs/screenshots/learning-page.png is taken over the store LearningLoopEndToEndTest kept with
 * {@code -Dplanwright.e2e.store=DIR}: real trials), else over 240 synthetic trial outcomes (the estimator
 * benchmark's generator), 40 feedback records and a retrained model. Run under
 * {@code xvfb-run -a java -cp <test classpath> ...LearningPageScreenshot OUT.png [STORE-DIR]}.
 */
public final class LearningPageScreenshot {

    private LearningPageScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots/learning-page.png");
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T06:00:00Z"), ZoneOffset.UTC);
        WorkbenchStore store;
        Workspace ws;
        LearningService service;
        if (args.length > 1) {
            // a store that holds real trials, e.g. LearningLoopEndToEndTest's (-Dplanwright.e2e.store=DIR)
            store = WorkbenchStore.open(Path.of(args[1]));
            ws = store.workspaces().list().getFirst();
            service = new LearningService(store, LearningSettings.defaults(), Clock.systemUTC());
        } else {
            store = WorkbenchStore.open(Files.createTempDirectory("pw-learning-shot"));
            ws = store.workspaces().create("Acme (synthetic trials)");
            service = new LearningService(store, LearningSettings.defaults(), clock);
            synthetic(store, ws, service);
        }
        LearningSnapshot snapshot = service.snapshot(ws);
        WorkbenchStore opened = store;
        Platform.startup(() -> {
            try {
                LearningPageViewModel vm = new LearningPageViewModel(new SameThreadExecutor(), () -> snapshot);
                LearningPage page = new LearningPage(vm, t -> { });
                vm.refresh();
                Stage stage = new Stage();
                stage.setScene(new Scene(page, 1400, 1330));
                stage.show();
                Platform.runLater(() -> Platform.runLater(() -> {
                    try {
                        Files.createDirectories(out.toAbsolutePath().getParent());
                        ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", out.toFile());
                        System.out.println("wrote " + out.toAbsolutePath());
                    } catch (Exception e) {
                        e.printStackTrace();
                    } finally {
                        opened.close();
                        Platform.exit();
                    }
                }));
            } catch (RuntimeException e) {
                e.printStackTrace();
                Platform.exit();
            }
        });
    }

    /** 240 synthetic outcomes, a retrained model and 40 feedback records. */
    private static void synthetic(WorkbenchStore store, Workspace ws, LearningService service) {
        List<TrialOutcome> outcomes = SyntheticOutcomes.generate(240, ws.id(), 8);
        outcomes.forEach(service::record);
        service.retrain(ws.id());
        Random r = new Random(2);
        for (TrialOutcome o : outcomes.subList(0, 40)) {
            double before = 100 + r.nextInt(900);
            double after = before * (1 - o.actualImprovementPercent() / 100);
            int rating = Math.max(1, Math.min(5, (int) Math.round(1 + o.actualImprovementPercent() / 20)));
            store.learning().feedback().save(new Feedback(UUID.randomUUID(), ws.id(), o.trialId(), o.recommendationKind(),
                    rating, rating >= 3, null, before, after, Feedback.MetricsSource.MEASURED,
                    o.estimatedImprovementPercent(), false, null, null));
        }
    }
}
