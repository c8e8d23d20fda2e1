package org.planwright.app.connection;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.error.ErrorReporter;
import org.planwright.app.status.StatusViewModel;
import org.planwright.targetdb.ConnInfo;
import org.planwright.targetdb.ConnInfoException;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.PasswordSource;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active connection: connect, disconnect, the statement timeout, and the password rule (from
 * {@code ~/.pgpass} / {@code PGPASSWORD} through {@link PasswordSource}, else asked through
 * {@link PasswordPrompt}; never stored). Editor sessions are read-write (the user runs what they typed,
 * data-changing statements are confirmed first) with {@link #statementTimeoutProperty()}. FX thread only.
 */
public final class ConnectionViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionViewModel.class);

    /** Default statement timeout of editor sessions. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(5);

    private final TargetConnector connector;
    private final PasswordSource passwords;
    private final BackgroundExecutor executor;
    private final StatusViewModel status;
    private final ReadOnlyObjectWrapper<ActiveConnection> active = new ReadOnlyObjectWrapper<>(this, "active");
    private final ObjectProperty<Duration> statementTimeout =
            new SimpleObjectProperty<>(this, "statementTimeout", DEFAULT_STATEMENT_TIMEOUT);
    private final BooleanBinding connected = active.isNotNull();
    private PasswordPrompt prompt = PasswordPrompt.NONE;

    /**
     * @param connector opens sessions
     * @param passwords finds stored passwords (.pgpass, PGPASSWORD)
     * @param executor  background work
     * @param status    status bar state
     */
    public ConnectionViewModel(TargetConnector connector, PasswordSource passwords, BackgroundExecutor executor,
                               StatusViewModel status) {
        this.connector = Objects.requireNonNull(connector);
        this.passwords = Objects.requireNonNull(passwords);
        this.executor = Objects.requireNonNull(executor);
        this.status = Objects.requireNonNull(status);
        statementTimeout.addListener((obs, old, now) -> applyTimeout(now));
    }

    /** @param prompt asks for passwords (the view sets a dialog-based one) */
    public void setPasswordPrompt(PasswordPrompt prompt) {
        this.prompt = Objects.requireNonNull(prompt);
    }

    /** @return the open connection, or null */
    public ReadOnlyObjectProperty<ActiveConnection> activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** @return the open connection, if any */
    public Optional<ActiveConnection> active() {
        return Optional.ofNullable(active.get());
    }

    /** @return true while a connection is open */
    public BooleanBinding connectedProperty() {
        return connected;
    }

    /** @return the statement timeout of editor sessions; {@link Duration#ZERO} for none */
    public ObjectProperty<Duration> statementTimeoutProperty() {
        return statementTimeout;
    }

    /** @return the options new editor sessions open with */
    public SessionOptions sessionOptions() {
        return SessionOptions.readWrite().withStatementTimeout(statementTimeout.get());
    }

    /**
     * Opens a session for {@code profile} in the background and makes it the active connection, closing the
     * previous one. Failures show in the status bar with the service's user message.
     *
     * @param profile where to connect
     */
    public void connect(ConnectionProfile profile) {
        connect(profile, null);
    }

    /**
     * Like {@link #connect(ConnectionProfile)} with a password typed in the connection dialog.
     *
     * @param profile  where to connect
     * @param typed   the typed password (wiped after use), or null to look it up / ask
     */
    public void connect(ConnectionProfile profile, char[] typed) {
        Optional<char[]> password = typed != null && typed.length > 0 ? Optional.of(typed) : password(profile);
        status.task("Connecting to " + profile.name() + "…", -1, null);
        SessionOptions options = sessionOptions();
        executor.submit(() -> {
            char[] pw = password.orElse(null);
            try {
                return connector.open(profile, pw, options);
            } finally {
                if (pw != null) {
                    Arrays.fill(pw, '\0');
                }
            }
        }, this::opened, e -> status.done("Could not connect to " + profile.name() + ": "
                + ErrorReporter.describe(e)));
    }

    /**
     * Tries a profile without keeping the session (the connection dialog's Test button). Blocking; worker
     * threads only.
     *
     * @param profile  where to connect
     * @param password password typed in the dialog, or null/empty to use .pgpass / PGPASSWORD
     * @return a one-line success message naming the server version
     * @throws org.planwright.targetdb.TargetException with a user message when it fails
     */
    public String test(ConnectionProfile profile, char[] password) throws org.planwright.targetdb.TargetException {
        char[] pw = password != null && password.length > 0 ? password
                : passwords.find(profile).map(PasswordSource.Found::password).orElse(null);
        try (TargetSession s = connector.open(profile, pw, sessionOptions()
                .withConnectTimeout(Duration.ofSeconds(5)))) {
            return "Connected: " + s.serverInfo().version();
        }
    }

    /** Closes the active connection, if any. */
    public void disconnect() {
        ActiveConnection old = active.get();
        active.set(null);
        status.connectionProperty().set("Not connected");
        if (old != null) {
            executor.submit(() -> {
                old.close();
                return null;
            }, r -> { }, e -> LOG.debug("Closing the session failed", e));
        }
    }

    private void opened(TargetSession session) {
        ActiveConnection old = active.get();
        active.set(new ActiveConnection(session));
        if (old != null) {
            executor.submit(() -> {
                old.close();
                return null;
            }, r -> { }, e -> LOG.debug("Closing the old session failed", e));
        }
        ConnectionProfile p = session.profile();
        status.connectionProperty().set(p.name() + " · " + describe(p) + " · " + session.serverInfo().version());
        status.done("Connected to " + p.name());
    }

    private void applyTimeout(Duration timeout) {
        ActiveConnection c = active.get();
        if (c == null || !c.session().profile().isPostgres()) {
            return;
        }
        long ms = timeout == null ? 0 : timeout.toMillis();
        executor.submit(() -> c.with(s -> s.execute("SET statement_timeout = " + ms, 1)),
                r -> status.done("Statement timeout: " + (ms == 0 ? "none" : timeout.toSeconds() + " s")),
                e -> status.done("Could not set the statement timeout: " + ErrorReporter.describe(e)));
    }

    private Optional<char[]> password(ConnectionProfile profile) {
        if (!needsPrompt(profile)) {
            return Optional.empty();
        }
        Optional<PasswordSource.Found> found = passwords.find(profile);
        if (found.isPresent()) {
            return Optional.of(found.get().password());
        }
        return prompt.ask(profile);
    }

    /** The sandbox trusts local connections and H2 files have their own user; PostgreSQL servers need one. */
    private static boolean needsPrompt(ConnectionProfile profile) {
        return profile.kind() == ConnectionProfile.Kind.POSTGRESQL;
    }

    /**
     * @param p a profile
     * @return "database@host:port", the connection string without any password, or the H2 file
     */
    public static String describe(ConnectionProfile p) {
        if (p.jdbcUrl() != null && p.isPostgres()) {
            try {
                return ConnInfo.parse(p.jdbcUrl()).render();
            } catch (ConnInfoException e) {
                return p.name();
            }
        }
        if (p.kind() == ConnectionProfile.Kind.H2_FILE) {
            return p.database();
        }
        return p.database() + "@" + p.effectiveHost() + ":" + p.effectivePort();
    }
}
