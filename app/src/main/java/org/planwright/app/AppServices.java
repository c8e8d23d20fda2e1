package org.planwright.app;

import java.nio.file.Path;
import java.util.Optional;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.planwright.sandbox.Sandbox;
import org.planwright.store.WorkbenchStore;
import org.planwright.targetdb.PasswordSource;
import org.planwright.targetdb.TargetConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All wiring of the application in one place (constructor injection, no static singletons): the background
 * executor, the workbench store and the sandbox PostgreSQL. It owns their life cycle: {@link #close()}
 * stops the sandbox and closes the store, so no server process is left behind.
 *
 * <p>Thread rules: {@link #openStore()} and {@link #startSandbox(Sandbox.StatusListener)} block (seconds)
 * and must run on a worker thread through {@link #executor()}; the getters and {@link #close()} are
 * thread-safe.
 */
public final class AppServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppServices.class);

    private final AppOptions options;
    private final BackgroundExecutor executor;
    private final TargetConnector connector = new TargetConnector();
    private final PasswordSource passwords = new PasswordSource(System.getenv());
    private volatile WorkbenchStore store;
    private volatile Sandbox sandbox;
    private volatile boolean closed;

    /** @param options start-up options */
    public AppServices(AppOptions options) {
        this(options, new FxBackgroundExecutor());
    }

    /**
     * @param options  start-up options
     * @param executor how background work runs ({@code SameThreadExecutor} in view-model tests)
     */
    public AppServices(AppOptions options, BackgroundExecutor executor) {
        this.options = options;
        this.executor = executor;
    }

    /** @return start-up options */
    public AppOptions options() {
        return options;
    }

    /** @return the one background executor */
    public BackgroundExecutor executor() {
        return executor;
    }

    /** @return opens sessions to target databases */
    public TargetConnector connector() {
        return connector;
    }

    /** @return finds passwords in ~/.pgpass / PGPASSFILE and PGPASSWORD */
    public PasswordSource passwords() {
        return passwords;
    }

    /**
     * Opens (creating and migrating if needed) the workbench store in {@link AppOptions#home()}. Blocking.
     *
     * @return the store; the same one on later calls
     * @throws org.planwright.store.StoreException when the folder cannot be used
     */
    public synchronized WorkbenchStore openStore() {
        if (store == null) {
            checkOpen();
            store = WorkbenchStore.open(options.home());
            LOG.info("Workbench store open in {}", options.home());
        }
        return store;
    }

    /** @return the store once {@link #openStore()} succeeded */
    public Optional<WorkbenchStore> store() {
        return Optional.ofNullable(store);
    }

    /**
     * Starts the sandbox PostgreSQL with its cluster kept in {@code <home>/sandbox}. Blocking (2-5 s; longer
     * the very first time when the binaries unpack).
     *
     * @param listener told about each step
     * @return the running sandbox; the same one on later calls
     * @throws org.planwright.sandbox.SandboxException when it does not start
     */
    public synchronized Sandbox startSandbox(Sandbox.StatusListener listener) {
        if (sandbox == null) {
            checkOpen();
            Path data = options.home().resolve("sandbox").resolve("data");
            sandbox = Sandbox.start(Sandbox.Options.persistent(data), listener);
        }
        return sandbox;
    }

    /** @return the sandbox once started */
    public Optional<Sandbox> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Planwright is shutting down");
        }
    }

    /** Stops background work, the sandbox and the store. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        executor.close();
        if (sandbox != null) {
            sandbox.close();
            LOG.info("Sandbox stopped");
        }
        if (store != null) {
            store.close();
        }
    }
}
