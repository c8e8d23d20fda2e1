package org.planwright.app.connection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.store.ConnectionProfiles;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ConnectionProfile;

/**
 * The active workspace's saved connection profiles behind the connection dialog: listed and saved through the
 * workbench store on the {@link BackgroundExecutor} (the store blocks; {@link ConnectionProfiles} must not be
 * used on the FX thread). Before the store is open there is nothing to list and nothing is saved.
 *
 * <p>Thread rules: call every method on the FX thread (or the test's thread with a same-thread executor);
 * callbacks arrive there.
 */
public final class ConnectionProfilesViewModel {

    private final Supplier<Optional<ConnectionProfiles>> profiles;
    private final Supplier<Workspace> workspace;
    private final ConnectionViewModel connection;
    private final BackgroundExecutor executor;

    /**
     * @param profiles   the store's connection profiles once the store is open (empty before)
     * @param workspace  the active workspace; null while the store is not open
     * @param connection the active connection (the dialog's form tests and connects through it)
     * @param executor   runs the store's work
     */
    public ConnectionProfilesViewModel(Supplier<Optional<ConnectionProfiles>> profiles, Supplier<Workspace> workspace,
                                       ConnectionViewModel connection, BackgroundExecutor executor) {
        this.profiles = Objects.requireNonNull(profiles);
        this.workspace = Objects.requireNonNull(workspace);
        this.connection = Objects.requireNonNull(connection);
        this.executor = Objects.requireNonNull(executor);
    }

    /**
     * Lists the workspace's profiles in the background (in the store's order: by name).
     *
     * @param listed receives the profiles on the UI thread; an empty list before the store is open
     * @param failed receives a store error on the UI thread
     */
    public void list(Consumer<List<ConnectionProfile>> listed, Consumer<Throwable> failed) {
        Workspace ws = workspace.get();
        Optional<ConnectionProfiles> store = profiles.get();
        if (ws == null || store.isEmpty()) {
            listed.accept(List.of());
            return;
        }
        executor.submit(() -> store.get().list(ws.id()), listed, failed);
    }

    /**
     * Saves (inserts or updates) a profile of the active workspace in the background; nothing happens before the
     * store is open.
     *
     * @param profile the profile as the dialog built it
     * @param failed  receives a store error on the UI thread
     */
    public void save(ConnectionProfile profile, Consumer<Throwable> failed) {
        Workspace ws = workspace.get();
        Optional<ConnectionProfiles> store = profiles.get();
        if (ws == null || store.isEmpty()) {
            return;
        }
        executor.submit(() -> store.get().save(ws.id(), profile), saved -> { }, failed);
    }

    /** @return a new form for the connection dialog (test, connect) over the active connection */
    public ConnectionFormViewModel form() {
        return new ConnectionFormViewModel(connection, executor);
    }

    /** @return the active connection */
    public ConnectionViewModel connection() {
        return connection;
    }
}
