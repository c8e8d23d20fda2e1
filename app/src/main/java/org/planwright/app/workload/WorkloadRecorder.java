package org.planwright.app.workload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.concurrent.BackgroundJob;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.store.StoredWorkloadWindow;
import org.planwright.store.WorkloadWindows;
import org.planwright.store.Workspace;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.workload.ServerLabel;
import org.planwright.workload.StatisticsReader;
import org.planwright.workload.WorkloadSnapshot;
import org.planwright.workload.WorkloadWindow;

/**
 * Records the connected server's workload while Planwright is connected: every {@link #DEFAULT_INTERVAL} a
 * {@code pg_stat_statements} snapshot of the connected database, and the difference to the previous one stored as
 * a window in the workspace (PoWA's approach), with old windows pruned after the retention. Uses the active
 * session only when it is idle (a running statement is never delayed; the round is skipped), under the session's
 * statement timeout. A change of server or database starts a new series (the first snapshot only sets the
 * baseline).
 *
 * <p>Thread rules: {@link #start}, {@link #stop} and the status on the FX thread; {@link #recordOnce} blocks and
 * runs on a worker.
 */
public final class WorkloadRecorder {

    /** How often a snapshot is taken (PoWA's default is 5 minutes too). */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    private final BackgroundExecutor executor;
    private final Supplier<Optional<ActiveConnection>> connection;
    private final Supplier<Workspace> workspace;
    private final Supplier<Optional<WorkloadWindows>> store;
    private final Duration interval;
    private final Duration retention;
    private final Clock clock;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final Object lock = new Object();
    private WorkloadSnapshot last;
    private String lastLabel;
    private BackgroundJob next;
    private boolean inRound;

    /**
     * @param executor   background work and the timer
     * @param connection the active connection, if any
     * @param workspace  the active workspace (null until the store is open)
     * @param store      the store's workload windows, once the store is open
     * @param interval   time between snapshots
     * @param retention  windows older than this are pruned
     * @param clock      for the retention cut-off
     */
    public WorkloadRecorder(BackgroundExecutor executor, Supplier<Optional<ActiveConnection>> connection,
                            Supplier<Workspace> workspace, Supplier<Optional<WorkloadWindows>> store, Duration interval,
                            Duration retention, Clock clock) {
        this.executor = executor;
        this.connection = connection;
        this.workspace = workspace;
        this.store = store;
        this.interval = interval;
        this.retention = retention;
        this.clock = clock;
    }

    /** @return what the last round did, in a sentence (empty before the first) */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Starts the rounds: the first after one interval. FX thread. */
    public void start() {
        stop();
        next = executor.runLater(interval, this::round);
    }

    /** Stops the rounds. FX thread. */
    public void stop() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    private void round() {
        if (inRound) {
            return; // an executor that runs "later" at once (tests) would otherwise recurse
        }
        inRound = true;
        executor.submit(this::recordOnce, saved -> {
            status.set(saved.map(w -> "Workload window recorded: " + w.window().statements().size()
                    + " statements").orElse(status.get()));
            rearm();
        }, e -> {
            status.set("Workload not recorded: " + e.getMessage());
            rearm();
        });
    }

    private void rearm() {
        // cleared after arming: an executor that runs "later" at once finds the round still in progress
        next = executor.runLater(interval, this::round);
        inRound = false;
    }

    /**
     * One round: a snapshot, and the window since the previous snapshot stored. Blocking; a worker thread.
     *
     * @return the stored window; empty for the first snapshot of a series, when not connected to PostgreSQL with
     *         pg_stat_statements, when no workspace is open, or when the session was busy
     * @throws TargetException when the statistics cannot be read
     */
    public Optional<StoredWorkloadWindow> recordOnce() throws TargetException {
        Optional<ActiveConnection> active = connection.get();
        Workspace ws = workspace.get();
        Optional<WorkloadWindows> open = store.get();
        if (active.isEmpty() || ws == null || open.isEmpty()) {
            return Optional.empty();
        }
        Optional<Optional<Taken>> maybe = active.get().ifIdle(this::take);
        if (maybe.isEmpty() || maybe.get().isEmpty()) {
            return Optional.empty();
        }
        Taken taken = maybe.get().get();
        WorkloadSnapshot previous;
        synchronized (lock) {
            previous = taken.label.equals(lastLabel) ? last : null;
            last = taken.snapshot;
            lastLabel = taken.label;
        }
        if (previous == null || !taken.snapshot.takenAt().isAfter(previous.takenAt())) {
            return Optional.empty();
        }
        WorkloadWindow window = WorkloadWindow.between(previous, taken.snapshot);
        StoredWorkloadWindow saved = open.get().save(new StoredWorkloadWindow(UUID.randomUUID(),
                ws.id(), taken.connectionId, taken.label, taken.snapshot.serverVersion(), window));
        open.get().prune(ws.id(), Instant.now(clock).minus(retention));
        return Optional.of(saved);
    }

    private Optional<Taken> take(TargetSession session) throws TargetException {
        StatisticsReader reader = new StatisticsReader(session);
        if (reader.unavailableReason().isPresent()) {
            return Optional.empty();
        }
        WorkloadSnapshot snapshot = reader.take(Set.of(session.serverInfo().database()));
        return Optional.of(new Taken(ServerLabel.of(session.profile()), session.profile().id(), snapshot));
    }

    private record Taken(String label, UUID connectionId, WorkloadSnapshot snapshot) {
    }
}
