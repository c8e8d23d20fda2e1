package org.planwright.app.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.concurrent.BackgroundJob;
import org.planwright.store.SyncStreamState;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.sync.SyncClient;
import org.planwright.sync.SyncException;
import org.planwright.sync.TeamConnections;

/**
 * Background sync of the active workspace with the team server (docs/sync.md) and its status-bar text: one round of
 * the sync module's {@link SyncClient} (the round {@code planwright sync} runs) every
 * {@link TeamSyncSettings#interval()}
 * while a remote is set, and on demand ({@link #syncNow()}). A round runs through the app's {@link BackgroundExecutor},
 * never on the FX thread, and at most one at a time. A failed round (offline, refused login, not granted) shows its
 * error with the remedy; the next round retries, and nothing is lost meanwhile (the store's outbox keeps the pending
 * changes).
 *
 * <p>Status texts: "Sync off" (no remote), "Synced 2 min ago · 0 pending", "Offline · 12 pending · retrying", or
 * "Sync failed · 12 pending" with the error (one line with its remedy) in {@link #detailProperty()}.
 *
 * <p>Thread rules: call every method on the UI thread; the properties change on the UI thread.
 */
public final class TeamSyncViewModel {

    /** Makes connections to the team server as the settings' role; the password from PGPASSWORD or ~/.pgpass. */
    @FunctionalInterface
    public interface Remote {
        /**
         * @throws IllegalArgumentException when the connection string cannot be used (message without password)
         */
        TeamConnections connect(TeamSyncSettings settings);
    }

    /** What one round left: the stream state after it and the error, if it failed. */
    record Outcome(SyncStreamState state, SyncException error) {
    }

    private final BackgroundExecutor executor;
    private final Supplier<Optional<WorkbenchStore>> store;
    private final Supplier<Workspace> workspace;
    private final Remote remote;
    private final Clock clock;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "Sync off");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail",
            "No team server set: Workspace ▸ Team sync…");
    private TeamSyncSettings settings = TeamSyncSettings.OFF;
    private BackgroundJob running = BackgroundJob.DONE;
    private BackgroundJob next = BackgroundJob.DONE;
    private Outcome last;

    /**
     * @param executor  runs the rounds and the timer
     * @param store     the store once open
     * @param workspace the active workspace (null before one is chosen)
     * @param remote    connections to the team server
     * @param clock     "now" for "2 min ago"
     */
    public TeamSyncViewModel(BackgroundExecutor executor, Supplier<Optional<WorkbenchStore>> store,
                             Supplier<Workspace> workspace, Remote remote, Clock clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.store = Objects.requireNonNull(store, "store");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the status-bar text, e.g. "Synced 2 min ago · 0 pending" */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** @return the tooltip: the server and role, or the last error with its remedy */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** @return the settings in force */
    public TeamSyncSettings settings() {
        return settings;
    }

    /**
     * Uses new settings: cancels the scheduled round and, when a remote is set, syncs now and then every interval.
     *
     * @param newSettings the team server, role and interval; {@link TeamSyncSettings#OFF} stops syncing
     */
    public void configure(TeamSyncSettings newSettings) {
        settings = Objects.requireNonNull(newSettings, "newSettings");
        next.cancel();
        last = null; // another server, role or workspace: the last outcome no longer describes it
        if (!settings.enabled()) {
            text.set("Sync off");
            detail.set("No team server set: Workspace ▸ Team sync…");
            return;
        }
        syncNow();
    }

    /**
     * Reads the settings from the store's preferences in the background and uses them ({@link #configure}); call it
     * once the store is open and whenever the active workspace changes. Does nothing before the store opens.
     */
    public void loadSettings() {
        WorkbenchStore s = store.get().orElse(null);
        if (s == null) {
            return;
        }
        executor.submit(() -> TeamSyncSettings.load(s.preferences()), this::configure, e -> {
            text.set("Sync off");
            detail.set("Cannot read the team sync settings: " + e.getMessage());
        });
    }

    /**
     * Stores new settings in the background, then uses them ({@link #configure}).
     *
     * @param newSettings the team server, role and interval
     * @param failed      told on the UI thread when the store cannot be written
     */
    public void save(TeamSyncSettings newSettings, java.util.function.Consumer<Throwable> failed) {
        WorkbenchStore s = store.get().orElse(null);
        if (s == null) {
            configure(newSettings);
            return;
        }
        executor.submit(() -> {
            newSettings.save(s.preferences());
            return newSettings;
        }, this::configure, failed);
    }

    /** Starts a round now unless one runs, or no remote, store or workspace is there yet (then does nothing). */
    public void syncNow() {
        WorkbenchStore s = store.get().orElse(null);
        Workspace w = workspace.get();
        if (!settings.enabled() || s == null || w == null || !running.isDone()) {
            return;
        }
        next.cancel();
        TeamSyncSettings used = settings;
        text.set("Syncing…" + (last == null ? "" : " · " + last.state().pendingChanges() + " pending"));
        running = executor.submit(() -> round(s, w, used), this::show, e -> {
            text.set("Sync failed");
            detail.set(String.valueOf(e.getMessage()));
            scheduleNext();
        });
    }

    /**
     * Brings "2 min ago" and the pending count up to date between rounds (the status bar calls it every 30 s): reads
     * the store's sync state in the background (a small H2 read), never contacts the server.
     */
    public void refresh() {
        WorkbenchStore s = store.get().orElse(null);
        Workspace w = workspace.get();
        Outcome shown = last;
        if (shown == null || s == null || w == null || !settings.enabled() || !running.isDone()
                || !w.id().equals(shown.state().workspaceId())) {
            return;
        }
        executor.submit(() -> s.sync().stream(w.id()), state -> {
            if (last == shown) { // no round ended meanwhile
                last = new Outcome(state, shown.error());
                text.set(describe(last, clock.instant()));
            }
        }, e -> { }); // a failed read changes nothing shown; the next round reads again
    }

    private Outcome round(WorkbenchStore s, Workspace w, TeamSyncSettings used) {
        SyncException error = null;
        try {
            new SyncClient(remote.connect(used), used.role()).sync(s, w);
        } catch (SyncException e) {
            error = e; // recorded in the store by SyncClient; shown below, retried next round
        } catch (IllegalArgumentException e) {
            error = new SyncException(SyncException.Reason.FAILED, "The team server's connection string cannot be"
                    + " used: " + e.getMessage() + " (Workspace ▸ Team sync…)", e);
        }
        return new Outcome(s.sync().stream(w.id()), error);
    }

    private void show(Outcome outcome) {
        if (!settings.enabled()) {
            return; // turned off while the round ran: keep "Sync off"
        }
        last = outcome;
        text.set(describe(outcome, clock.instant()));
        detail.set(outcome.error() != null ? outcome.error().getMessage()
                : "Team server " + settings.remote() + " as " + settings.role() + "; next round in "
                + settings.interval().toMinutes() + " min");
        scheduleNext();
    }

    private void scheduleNext() {
        if (settings.enabled() && !settings.interval().isZero()) {
            next = executor.runLater(settings.interval(), this::syncNow);
        }
    }

    /**
     * @return the status-bar text for a round's outcome at {@code now}
     */
    static String describe(Outcome outcome, Instant now) {
        SyncStreamState st = outcome.state();
        String pending = st.pendingChanges() + " pending";
        if (outcome.error() == null) {
            return "Synced " + ago(st.lastSyncAt(), now) + " · " + pending;
        }
        return switch (outcome.error().reason()) {
            case UNREACHABLE -> "Offline · " + pending + " · retrying";
            case AUTHENTICATION -> "Sync login refused · " + pending;
            case NOT_ALLOWED -> "Sync not allowed · " + pending;
            case INCOMPATIBLE -> "Sync needs a newer Planwright · " + pending;
            default -> "Sync failed · " + pending + " · retrying";
        };
    }

    static String ago(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long s = Math.max(0, Duration.between(then, now).toSeconds());
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return (s / 60) + " min ago";
        }
        if (s < 86_400) {
            return (s / 3600) + " h ago";
        }
        return (s / 86_400) + " d ago";
    }
}
