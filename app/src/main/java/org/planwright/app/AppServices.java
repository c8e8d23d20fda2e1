package org.planwright.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.planwright.keychain.OsKeychain;
import org.planwright.sandbox.Sandbox;
import org.planwright.store.Keychain;
import org.planwright.store.StoreEncryption;
import org.planwright.store.StoreUnlock;
import org.planwright.store.WorkbenchStore;
import org.planwright.targetdb.PasswordSource;
import org.planwright.targetdb.TargetConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All wiring of the application in one place (constructor injection, no static singletons): the background
 * executor, the workbench store (with the OS keychain that may hold an encrypted store's key, ADR 0023) and the
 * sandbox PostgreSQL. It owns their life cycle: {@link #close()} stops the sandbox, closes the store and the
 * keychain connection, so no server process is left behind.
 *
 * <p>Thread rules: {@link #openStore()}, {@link #openStore(char[])} and
 * {@link #startSandbox(Sandbox.StatusListener)} block (seconds)
 * and must run on a worker thread through {@link #executor()}; the getters and {@link #close()} are
 * thread-safe.
 */
public final class AppServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppServices.class);

    private final AppOptions options;
    private final BackgroundExecutor executor;
    private final TargetConnector connector = new TargetConnector();
    private final PasswordSource passwords = new PasswordSource(System.getenv());
    private final Keychain keychain;
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
        this(options, executor, new OsKeychain());
    }

    /**
     * @param options  start-up options
     * @param executor how background work runs
     * @param keychain the OS keychain an encrypted store's key may be in (reached only for such a store);
     *                 {@link Keychain#none()} for none. Closed with the services when it is {@link AutoCloseable}.
     */
    public AppServices(AppOptions options, BackgroundExecutor executor, Keychain keychain) {
        this.options = options;
        this.executor = executor;
        this.keychain = keychain;
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
     * Opens (creating and migrating if needed) the workbench store in {@link AppOptions#home()}. Blocking. An
     * encrypted store's key comes from the OS keychain, or from the master password in
     * {@value StoreUnlock#MASTER_PASSWORD_ENV}; the start-up asks for it first when neither has it
     * ({@code StoreUnlockViewModel}).
     *
     * @return the store; the same one on later calls
     * @throws org.planwright.store.StoreException when the folder cannot be used; ENCRYPTED when the store is
     *                                             encrypted and its key cannot be had
     */
    public synchronized WorkbenchStore openStore() {
        return open(StoreUnlock.fromEnvironment().withKeychain(keychain));
    }

    /**
     * As {@link #openStore()}, with the master password the user typed (cleared here once used).
     *
     * @throws org.planwright.store.StoreException ENCRYPTED when it is not the store's master password
     */
    public synchronized WorkbenchStore openStore(char[] masterPassword) {
        char[] given = masterPassword.clone();
        Arrays.fill(masterPassword, '\0');
        try {
            return open(new StoreUnlock(keychain, () -> Optional.of(given.clone())));
        } finally {
            Arrays.fill(given, '\0');
        }
    }

    private WorkbenchStore open(StoreUnlock unlock) {
        if (store == null) {
            checkOpen();
            store = WorkbenchStore.open(options.home(), Clock.systemUTC(), unlock);
            LOG.info("Workbench store open in {}{}", options.home(),
                    StoreEncryption.isEnabled(options.home()) ? " (encrypted)" : "");
        }
        return store;
    }

    /** @return where the key of the encrypted store in {@link AppOptions#home()} lives, or empty when it is plain */
    public Optional<StoreEncryption.KeySource> storeKeySource() {
        return StoreEncryption.keySource(options.home());
    }

    /** @return true when {@value StoreUnlock#MASTER_PASSWORD_ENV} carries a master password for this process */
    public boolean masterPasswordInEnvironment() {
        String v = System.getenv(StoreUnlock.MASTER_PASSWORD_ENV);
        return v != null && !v.isEmpty();
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
        if (keychain instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("Closing the keychain: {}", e.getMessage());
            }
        }
    }
}
