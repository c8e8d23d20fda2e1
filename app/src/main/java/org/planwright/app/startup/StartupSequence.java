package org.planwright.app.startup;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.planwright.app.AppServices;
import org.planwright.app.error.ErrorReporter;
import org.planwright.app.status.StatusViewModel;
import org.planwright.sandbox.DemoDataset;
import org.planwright.sandbox.Sandbox;
import org.planwright.store.Workspace;
import org.planwright.store.WorkbenchStore;
import org.planwright.targetdb.ConnectionProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work after the first frame: open the store, ensure the "Demo" workspace, start the sandbox, generate the
 * demo dataset the first time ({@link DemoDataGeneration}), then hand the workspace's "Sandbox" profile to
 * {@code connect}. With
 * {@link org.planwright.app.AppOptions#demoStartup()} off, only the store opens and the given profile (if any)
 * is connected. Each step runs in the background; progress shows in the status bar. FX thread only.
 */
public final class StartupSequence {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSequence.class);

    /** Name of the workspace created on first start. */
    public static final String DEMO_WORKSPACE = "Demo";
    /** Name of the demo workspace's sandbox connection profile. */
    public static final String SANDBOX_PROFILE = "Sandbox";
    /** Database the demo dataset lives in, inside the sandbox. */
    public static final String DEMO_DATABASE = DemoDataset.DATABASE;

    private final AppServices services;
    private final StatusViewModel status;
    private final Consumer<Workspace> onWorkspace;
    private final Consumer<ConnectionProfile> connect;

    /**
     * @param services    services to start
     * @param status      where progress shows
     * @param onWorkspace receives the active workspace once the store is open
     * @param connect     connects a profile (the last step)
     */
    public StartupSequence(AppServices services, StatusViewModel status, Consumer<Workspace> onWorkspace,
                           Consumer<ConnectionProfile> connect) {
        this.services = Objects.requireNonNull(services);
        this.status = Objects.requireNonNull(status);
        this.onWorkspace = Objects.requireNonNull(onWorkspace);
        this.connect = Objects.requireNonNull(connect);
    }

    /** Starts the sequence; returns at once. */
    public void run() {
        status.task("Opening the workbench store…", -1, null);
        services.executor().submit(() -> {
            WorkbenchStore store = services.openStore();
            return store.workspaces().ensure(DEMO_WORKSPACE);
        }, this::storeReady, e -> failed("The workbench store could not be opened", e));
    }

    private void storeReady(Workspace workspace) {
        onWorkspace.accept(workspace);
        if (!services.options().demoStartup()) {
            status.done("Ready");
            ConnectionProfile profile = services.options().initialProfile();
            if (profile != null) {
                connect.accept(profile);
            }
            return;
        }
        status.task("Starting the sandbox PostgreSQL…", -1, null);
        services.executor().submit(() -> {
            Sandbox sandbox = services.startSandbox((s, message) ->
                    services.executor().onUiThread(() -> status.task(message, -1, null)));
            return new Started(sandbox, sandboxProfile(workspace.id(), sandbox), DemoDataset.isPresent(sandbox));
        }, this::sandboxStarted, e -> failed("The sandbox PostgreSQL did not start", e));
    }

    private void sandboxStarted(Started started) {
        if (started.demoPresent()) {
            sandboxReady(started.profile());
            return;
        }
        new DemoDataGeneration(services, status).run(started.sandbox(), () -> sandboxReady(started.profile()));
    }

    private record Started(Sandbox sandbox, ConnectionProfile profile, boolean demoPresent) {
    }

    private ConnectionProfile sandboxProfile(UUID workspaceId, Sandbox sandbox) {
        WorkbenchStore store = services.openStore();
        ConnectionProfile existing = store.connectionProfiles().list(workspaceId).stream()
                .filter(p -> p.kind() == ConnectionProfile.Kind.SANDBOX && SANDBOX_PROFILE.equals(p.name()))
                .findFirst().orElse(null);
        UUID id = existing == null ? UUID.randomUUID() : existing.id();
        ConnectionProfile profile = new ConnectionProfile(id, SANDBOX_PROFILE, ConnectionProfile.Kind.SANDBOX,
                "127.0.0.1", sandbox.port(), DEMO_DATABASE, Sandbox.SUPERUSER, null, null);
        return store.connectionProfiles().save(workspaceId, profile);
    }

    private void sandboxReady(ConnectionProfile profile) {
        status.done("Sandbox PostgreSQL running");
        connect.accept(profile);
    }

    private void failed(String what, Throwable error) {
        LOG.warn("{}", what, error);
        status.done(what + ": " + ErrorReporter.describe(error));
    }
}
