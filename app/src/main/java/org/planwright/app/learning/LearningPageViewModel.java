package org.planwright.app.learning;

import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.concurrent.BackgroundJob;
import org.planwright.learning.LearningSnapshot;

/**
 * The Learning page's state: one {@link LearningSnapshot} of the workspace (report, accuracy series, estimated vs
 * actual points, recent trials), reloaded in the background on {@link #refresh()} — after every submitted feedback,
 * so the charts follow live. The view only binds.
 *
 * <p>Thread rules: FX thread only; loading runs through the {@link BackgroundExecutor}; a refresh while one runs
 * replaces it.
 */
public final class LearningPageViewModel {

    private final BackgroundExecutor executor;
    private final Callable<LearningSnapshot> loader;
    private final ReadOnlyObjectWrapper<LearningSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private BackgroundJob job;

    /**
     * @param loader reads the snapshot (blocking: the store, a report over all trials)
     */
    public LearningPageViewModel(BackgroundExecutor executor, Callable<LearningSnapshot> loader) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** Reloads the snapshot in the background. */
    public void refresh() {
        if (job != null) {
            job.cancel();
        }
        loading.set(true);
        message.set("Loading the learning report…");
        job = executor.submit(loader, s -> {
            snapshot.set(s);
            loading.set(false);
            message.set(s.report().trials() == 0 ? "No trials yet: try a recommendation, and its outcome appears here."
                    : s.report().trials() + " trials, " + s.report().feedback() + " feedback records");
        }, t -> {
            loading.set(false);
            message.set("Could not read the learning data: " + t.getMessage());
        });
    }

    public ReadOnlyObjectProperty<LearningSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
