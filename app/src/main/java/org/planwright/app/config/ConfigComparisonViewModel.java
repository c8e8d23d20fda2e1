package org.planwright.app.config;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.store.ConfigChangeRecord;
import org.planwright.tuning.compare.ComparisonLine;
import org.planwright.tuning.compare.ConfigComparison;
import org.planwright.tuning.compare.ConfigExport;
import org.planwright.tuning.compare.ConfigSide;

/**
 * State of the configuration comparison panes: the configurations to choose from, the left and right choice, the
 * compared lines (all, or only the differing ones), a summary, the export text, and the change history timeline.
 * Loading and comparing run through the {@link BackgroundExecutor}; everything else on the FX thread (or the
 * test's thread with a same-thread executor). Knows no scene.
 */
public final class ConfigComparisonViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final BackgroundExecutor executor;
    private final ObservableList<ConfigSource> choices = FXCollections.observableArrayList();
    private final ObjectProperty<ConfigSource> left = new SimpleObjectProperty<>(this, "left");
    private final ObjectProperty<ConfigSource> right = new SimpleObjectProperty<>(this, "right");
    private final BooleanProperty onlyDifferences = new SimpleBooleanProperty(this, "onlyDifferences", true);
    private final ObservableList<ComparisonLine> allLines = FXCollections.observableArrayList();
    private final ObservableList<ComparisonLine> lines = FXCollections.observableArrayList();
    private final ObservableList<HistoryItem> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Pick two configurations");
    private final ReadOnlyStringWrapper leftLabel = new ReadOnlyStringWrapper(this, "leftLabel", "");
    private final ReadOnlyStringWrapper rightLabel = new ReadOnlyStringWrapper(this, "rightLabel", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /** @param executor runs loading and comparing */
    public ConfigComparisonViewModel(BackgroundExecutor executor) {
        this.executor = executor;
        onlyDifferences.addListener((o, a, b) -> filter());
    }

    /** @return the configurations offered */
    public ObservableList<ConfigSource> choices() {
        return choices;
    }

    /** @return the left configuration */
    public ObjectProperty<ConfigSource> leftProperty() {
        return left;
    }

    /** @return the right configuration */
    public ObjectProperty<ConfigSource> rightProperty() {
        return right;
    }

    /** @return true to show only the parameters whose values differ (default) */
    public BooleanProperty onlyDifferencesProperty() {
        return onlyDifferences;
    }

    /** @return the lines shown, by group then parameter */
    public ObservableList<ComparisonLine> lines() {
        return lines;
    }

    /** @return the change history, oldest first */
    public ObservableList<HistoryItem> history() {
        return history;
    }

    /** @return e.g. "9 of 23 parameters differ" */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** @return the left side's label once compared */
    public ReadOnlyStringProperty leftLabelProperty() {
        return leftLabel.getReadOnlyProperty();
    }

    /** @return the right side's label once compared */
    public ReadOnlyStringProperty rightLabelProperty() {
        return rightLabel.getReadOnlyProperty();
    }

    /** @return the last loading error in words, or "" */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return true while loading or comparing */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Loads both chosen configurations in the background and compares them. Does nothing without two choices. */
    public void compare() {
        ConfigSource l = left.get();
        ConfigSource r = right.get();
        if (l == null || r == null) {
            summary.set("Pick two configurations");
            return;
        }
        busy.set(true);
        error.set("");
        executor.submit(() -> {
            ConfigSide a = l.loader().call();
            ConfigSide b = r.loader().call();
            return new Object[] {a, b, ConfigComparison.compare(a, b)};
        }, result -> {
            busy.set(false);
            @SuppressWarnings("unchecked")
            List<ComparisonLine> compared = (List<ComparisonLine>) result[2];
            leftLabel.set(((ConfigSide) result[0]).label());
            rightLabel.set(((ConfigSide) result[1]).label());
            allLines.setAll(compared);
            long differ = compared.stream().filter(ComparisonLine::differs).count();
            summary.set(differ + " of " + compared.size() + " parameters differ");
            filter();
        }, e -> {
            busy.set(false);
            error.set("Could not load the configuration: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        });
    }

    /**
     * @param kind postgresql.conf or ALTER SYSTEM
     * @return the right side's values of the differing parameters in that form ("" before a comparison)
     */
    public String exportText(ExportKind kind) {
        String header = (kind == ExportKind.CONF ? "# " : "-- ") + rightLabel.get() + " (differences from "
                + leftLabel.get() + ")\n";
        String body = kind == ExportKind.CONF ? ConfigExport.conf(allLines) : ConfigExport.alterSystem(allLines);
        return body.isEmpty() ? "" : header + body;
    }

    /** Loads the history timeline in the background. */
    public void loadHistory(Callable<List<ConfigChangeRecord>> loader) {
        executor.submit(loader, records -> history.setAll(records.stream().map(ConfigComparisonViewModel::item)
                .toList()), e -> error.set("Could not load the change history: " + e.getMessage()));
    }

    static HistoryItem item(ConfigChangeRecord r) {
        return new HistoryItem(WHEN.format(r.changedAt()), r.action(), r.parameter(),
                nz(r.oldValue()) + " → " + nz(r.newValue()), nz(r.measuredResult()), nz(r.changedBy()));
    }

    private void filter() {
        lines.setAll(onlyDifferences.get() ? allLines.filtered(ComparisonLine::differs) : allLines);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
