package org.planwright.app.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.learning.LearningService;
import org.planwright.learning.LearningSettings;
import org.planwright.learning.LearningSnapshot;
import org.planwright.learning.SyntheticOutcomes;
import org.planwright.store.TrialOutcome;
import org.planwright.store.Workspace;
import org.planwright.store.WorkbenchStore;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The Learning page in a real scene (Monocle headless) over a real store: charts and tables filled, feedback button. */
class LearningPageUiTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Stage stage;

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            FxToolkit.setupFixture(() -> stage.close());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void chartsAndTablesShowTheSnapshotAndTheSelectedTrialGetsFeedback() throws Exception {
        LearningSnapshot snapshot;
        List<TrialOutcome> outcomes;
        try (WorkbenchStore store = WorkbenchStore.open(dir)) {
            Workspace ws = store.workspaces().create("acme");
            LearningService service = new LearningService(store, LearningSettings.defaults(), Clock.systemUTC());
            outcomes = SyntheticOutcomes.generate(50, ws.id(), 4);
            outcomes.forEach(service::record);
            snapshot = service.snapshot(ws);
        }
        FxToolkit.registerPrimaryStage();
        TrialOutcome[] asked = new TrialOutcome[1];
        FxToolkit.setupFixture(() -> {
            LearningPageViewModel vm = new LearningPageViewModel(new SameThreadExecutor(), () -> snapshot);
            LearningPage page = new LearningPage(vm, t -> asked[0] = t);
            vm.refresh();
            stage = new Stage();
            stage.setScene(new Scene(page, 1200, 900));
            stage.show();
        });
        LineChart<Number, Number> accuracy = (LineChart<Number, Number>) robot.lookup(".chart").nth(0).query();
        assertThat(accuracy.getData()).hasSize(2);
        assertThat(accuracy.getData().getFirst().getData()).hasSize(50);
        assertThat(accuracy.getTitle()).startsWith("Accuracy over time — trend:");
        LineChart<Number, Number> scatter = (LineChart<Number, Number>) robot.lookup(".chart").nth(1).query();
        int kinds = (int) outcomes.stream().map(TrialOutcome::recommendationKind).distinct().count();
        assertThat(scatter.getData()).hasSize(kinds + 1);
        assertThat(scatter.getData().getLast().getName()).startsWith("ideal");
        BarChart<String, Number> bias = (BarChart<String, Number>) robot.lookup(".chart").nth(2).query();
        assertThat(bias.getData().getFirst().getData()).hasSize(kinds);

        List<TableView<?>> tables = new java.util.ArrayList<>();
        for (TableView<?> t : robot.lookup(".table-view").queryAllAs(TableView.class)) {
            tables.add(t);
        }
        tables.sort(java.util.Comparator.comparingDouble(t -> t.localToScene(0, 0).getY() * 10_000 + t.localToScene(0, 0).getX()));
        assertThat(tables).hasSize(3);
        TableView<TrialOutcome> trials = (TableView<TrialOutcome>) tables.get(2);
        assertThat(trials.getItems()).hasSize(50).first().isEqualTo(outcomes.getLast());
        Button give = robot.lookup("#give-feedback").queryButton();
        assertThat(give.isDisabled()).isTrue();
        FxToolkit.setupFixture(() -> trials.getSelectionModel().select(3));
        assertThat(give.isDisabled()).isFalse();
        FxToolkit.setupFixture(give::fire);
        assertThat(asked[0]).isEqualTo(trials.getItems().get(3));
        assertThat(robot.lookup("#estimator-note").queryLabeled().getText()).contains("no learned estimator has beaten");
    }
}
