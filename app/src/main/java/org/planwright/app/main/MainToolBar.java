package org.planwright.app.main;

import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The tool bar: run, run all, explain, explain analyze, cancel, connections, and the statement timeout
 * (seconds; 0 = none). FX thread only.
 */
final class MainToolBar extends ToolBar {

    MainToolBar(MainWindow window, MainViewModel vm) {
        setId("main-toolbar");
        var running = vm.queries().runningProperty();
        Button run = button("Run", Feather.PLAY, "Run the statement under the cursor (Ctrl+Enter)",
                vm.queries()::runStatement);
        run.setId("run-button");
        Button runAll = button("Run all", Feather.FAST_FORWARD, "Run the whole script (Ctrl+Shift+Enter)",
                vm.queries()::runAll);
        Button explain = button("Explain", Feather.GIT_BRANCH, "Show the plan (Ctrl+E)",
                () -> vm.explain().explain(false));
        explain.setId("explain-button");
        Button analyze = button("Analyze", Feather.ACTIVITY,
                "EXPLAIN ANALYZE: run it and measure, then roll back (Ctrl+Shift+E)", () -> vm.explain().explain(true));
        Button cancel = button("Cancel", Feather.X_OCTAGON, "Cancel the running statement (Esc)", vm.queries()::cancel);
        cancel.setId("cancel-button");
        for (Button b : new Button[] {run, runAll, explain, analyze}) {
            b.disableProperty().bind(running);
        }
        cancel.disableProperty().bind(running.not());
        Button connections = button("Connections", Feather.DATABASE, "Choose or edit connections (Ctrl+Shift+C)",
                window::showConnections);

        Spinner<Integer> timeout = new Spinner<>(0, 24 * 3600,
                (int) vm.connection().statementTimeoutProperty().get().toSeconds(), 30);
        timeout.setId("statement-timeout");
        timeout.setEditable(true);
        timeout.setPrefWidth(100);
        timeout.setTooltip(new Tooltip("Statement timeout in seconds (0 = none)"));
        timeout.valueProperty().addListener((obs, old, now) ->
                vm.connection().statementTimeoutProperty().set(Duration.ofSeconds(now == null ? 0 : now)));
        Label timeoutLabel = new Label("Timeout (s)", new FontIcon(Feather.CLOCK));

        getItems().addAll(run, runAll, new Separator(), explain, analyze, new Separator(), cancel,
                new Separator(), connections, new Separator(), timeoutLabel, timeout);
    }

    private static Button button(String text, Feather icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }
}
