package org.planwright.app.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.store.ConfigChangeRecord;
import org.planwright.store.ConfigHistory;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.TargetConnector;
import org.planwright.tuning.apply.PgbenchProbe;
import org.planwright.tuning.pgtune.StorageType;
import org.planwright.tuning.settings.Hardware;
import org.planwright.tuning.settings.HardwareDetector;

/**
 * The "Server configuration…" menu item: opens a {@link ConfigWindow} for the active connection, with the Apply pane
 * when connected to PostgreSQL with a workspace (its history records the changes). FX thread.
 */
public final class ConfigMenu {

    private ConfigMenu() {
    }

    /**
     * What the page needs, wired by the main view model.
     *
     * @param executor   background work
     * @param connection the active connection, or null
     * @param workspace  the workspace, or null
     * @param history    the store's configuration history, if the store is open
     * @param connector  opens the read-write sessions that apply changes
     * @param approval   the admin-approval preference (read in the background when the page opens)
     */
    public record Context(BackgroundExecutor executor, Supplier<ActiveConnection> connection,
                          Supplier<Workspace> workspace, Supplier<Optional<ConfigHistory>> history,
                          TargetConnector connector, ConfigApprovalPreference approval) {
    }

    private record Opened(List<ConfigSource> sources, boolean approvalRequired) {
    }

    /**
     * @param owner   the main window
     * @param context executor, connection, workspace and history
     * @param errors  shows an error (title, cause)
     * @return the menu item
     */
    public static MenuItem item(Window owner, Context context, BiConsumer<String, Throwable> errors) {
        BackgroundExecutor executor = context.executor();
        Supplier<ActiveConnection> connection = context.connection();
        Supplier<Workspace> workspace = context.workspace();
        MenuItem item = new MenuItem("Server configuration…");
        item.setId("server-configuration");
        item.setOnAction(e -> {
            ActiveConnection c = connection.get();
            Workspace ws = workspace.get();
            ConfigHistory history = context.history().get().orElse(null);
            ConnectionProfile p = c == null ? null : c.session().profile();
            String server = p == null ? "" : p.effectiveHost() + ":" + p.effectivePort() + "/" + p.database();
            executor.submit(() -> new Opened(ConfigSources.of(c, server, p == null ? null : p.effectiveHost(), history,
                    ws == null ? null : ws.id()), context.approval().required()), opened -> {
                List<ConfigSource> sources = opened.sources();
                Callable<List<ConfigChangeRecord>> changes = () -> history == null || ws == null ? List.of()
                        : history.changes(ws.id(), 500);
                ConfigChanger changer = c == null || !p.isPostgres() || history == null || ws == null ? null
                        : new SessionConfigChanger(context.connector(), p, p.effectiveHost() + ":" + p.effectivePort(),
                        new HardwareDetector(Path.of("/")).detect().orElse(new Hardware(8L << 30, 4, StorageType.SSD,
                                "assumed")), new StoreChangeJournal(history, ws.id(), p.id()),
                        PgbenchProbe.locate().orElse(null));
                ConfigWindow window = new ConfigWindow(owner, executor, sources, changes, errors, changer,
                        p == null ? "" : p.effectiveHost() + ":" + p.effectivePort());
                if (window.applyViewModel() != null) {
                    window.applyViewModel().approvalRequiredProperty().set(opened.approvalRequired());
                }
                window.show();
            }, ex -> errors.accept("Could not open the server configuration", ex));
        });
        return item;
    }
}
