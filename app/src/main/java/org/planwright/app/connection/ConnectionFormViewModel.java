package org.planwright.app.connection;

import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.error.ErrorReporter;
import org.planwright.targetdb.ConnInfo;
import org.planwright.targetdb.ConnInfoException;
import org.planwright.targetdb.ConnectionProfile;

/**
 * The connection dialog's form: fields of a {@link ConnectionProfile} as text, a connection string (libpq URI,
 * keyword=value string or JDBC URL, read by {@link ConnInfo}) that fills the fields when applied, validation with a
 * message that names the field, and the Test connection command (its result or the service's user message, never a
 * stack trace). A password found in a pasted string moves to the password field; the password is for this session
 * only and never stored. FX thread only.
 */
public final class ConnectionFormViewModel {

    private final ConnectionViewModel connection;
    private final BackgroundExecutor executor;
    private UUID id = UUID.randomUUID();
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<ConnectionProfile.Kind> kind =
            new SimpleObjectProperty<>(this, "kind", ConnectionProfile.Kind.POSTGRESQL);
    private final StringProperty host = new SimpleStringProperty(this, "host", "localhost");
    private final StringProperty port = new SimpleStringProperty(this, "port", "5432");
    private final StringProperty database = new SimpleStringProperty(this, "database", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty sslMode = new SimpleStringProperty(this, "sslMode", "prefer");
    private final StringProperty connectionString = new SimpleStringProperty(this, "connectionString", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty testResult = new SimpleStringProperty(this, "testResult", "");

    /**
     * @param connection opens test sessions
     * @param executor   runs the test in the background
     */
    public ConnectionFormViewModel(ConnectionViewModel connection, BackgroundExecutor executor) {
        this.connection = connection;
        this.executor = executor;
    }

    /**
     * Fills the form from a profile (editing it keeps its id).
     *
     * @param p the profile
     */
    public void load(ConnectionProfile p) {
        id = p.id();
        name.set(p.name());
        kind.set(p.kind());
        host.set(p.host() == null ? "" : p.host());
        port.set(p.port() > 0 ? Integer.toString(p.port()) : "");
        database.set(p.database() == null ? "" : p.database());
        user.set(p.user() == null ? "" : p.user());
        sslMode.set(p.sslMode() == null ? "prefer" : p.sslMode());
        connectionString.set(p.jdbcUrl() == null ? "" : p.jdbcUrl());
        password.set("");
        try {
            ConnInfo stored = p.isPostgres() && p.jdbcUrl() != null ? ConnInfo.parse(p.jdbcUrl()) : ConnInfo.empty();
            if (stored.hasPassword()) { // written before passwords were taken out of connection strings
                stored.password().ifPresent(pw -> password.set(new String(pw)));
                connectionString.set(stored.withoutPassword().render());
            }
        } catch (ConnInfoException e) {
            // shown when the profile is validated or tested
        }
        testResult.set("");
    }

    /** Clears the form for a new profile with a new id. */
    public void clear() {
        load(new ConnectionProfile(UUID.randomUUID(), "", ConnectionProfile.Kind.POSTGRESQL, "localhost", 5432,
                "", "", null, null));
        name.set("");
    }

    /**
     * Reads the connection string and fills the fields from it (host, port, database, user, SSL mode). A password
     * in it moves to the password field (this session only). When the fields say everything the string is
     * cleared; otherwise (several hosts, options, application_name, driver properties ...) it stays, without the
     * password, and wins over the fields. A string that cannot be read leaves the fields as they were and
     * {@link #testResultProperty()} tells where it is wrong, without repeating any of it.
     *
     * @return true when the string was read (or was blank)
     */
    public boolean applyConnectionString() {
        String text = trim(connectionString.get());
        if (text == null) {
            return true;
        }
        ConnInfo info;
        ConnectionProfile parsed;
        try {
            info = ConnInfo.parse(text);
            parsed = ConnectionProfile.of(name.get(), info.validate());
        } catch (ConnInfoException e) {
            testResult.set("Connection string: " + e.getMessage());
            return false;
        }
        info.password().ifPresent(p -> password.set(new String(p)));
        if (trim(name.get()) == null) {
            name.set((parsed.database() == null ? "" : parsed.database() + "@") + parsed.effectiveHost());
        }
        kind.set(ConnectionProfile.Kind.POSTGRESQL);
        host.set(parsed.host() == null ? "" : parsed.host());
        port.set(parsed.port() > 0 ? Integer.toString(parsed.port()) : "");
        database.set(parsed.database() == null ? "" : parsed.database());
        user.set(parsed.user() == null ? "" : parsed.user());
        sslMode.set(parsed.sslMode() == null ? "prefer" : parsed.sslMode());
        connectionString.set(parsed.jdbcUrl() == null ? "" : parsed.jdbcUrl());
        testResult.set(parsed.jdbcUrl() == null ? "Fields filled from the connection string"
                : "Fields filled; the string is kept: it says more than the fields, and wins over them");
        return true;
    }

    /**
     * Builds the profile the form describes. A connection string is read here too (if it was not applied): its
     * keywords win over the fields, which fill what it leaves out; its password is not part of the profile.
     *
     * @return the profile
     * @throws IllegalArgumentException with a message naming the field to fix
     */
    public ConnectionProfile toProfile() {
        if (name.get() == null || name.get().isBlank()) {
            throw new IllegalArgumentException("Name: give the connection a name");
        }
        String url = trim(connectionString.get());
        ConnectionProfile.Kind k = kind.get();
        if (k == ConnectionProfile.Kind.H2_FILE) {
            if (trim(database.get()) == null) {
                throw new IllegalArgumentException("H2 file: choose the database file");
            }
            return new ConnectionProfile(id, name.get(), k, null, 0, trim(database.get()), trim(user.get()), null, null);
        }
        int p = 0;
        String portText = trim(port.get());
        if (portText != null) {
            try {
                p = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Port: '" + portText + "' is not a number (e.g. 5432)");
            }
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("Port: must be between 1 and 65535, not " + p);
            }
        }
        if (url == null && trim(database.get()) == null) {
            throw new IllegalArgumentException("Database: name the database, or give a connection string");
        }
        if (url != null) {
            try {
                ConnInfo info = ConnInfo.parse(url);
                url = info.hasPassword() ? info.withoutPassword().render() : url;
                ConnectionProfile profile = new ConnectionProfile(id, name.get(), k, trim(host.get()), p,
                        trim(database.get()), trim(user.get()), trim(sslMode.get()), url);
                ConnInfo.of(profile).validate();
                return profile;
            } catch (ConnInfoException e) {
                throw new IllegalArgumentException("Connection string: " + e.getMessage(), e);
            }
        }
        return new ConnectionProfile(id, name.get(), k, trim(host.get()), p, trim(database.get()), trim(user.get()),
                trim(sslMode.get()), null);
    }

    /** @return the validation message for the current fields, if they are not valid */
    public Optional<String> validationError() {
        try {
            toProfile();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Reads the connection string ({@link #applyConnectionString()}), then tries the connection in the
     * background; {@link #testResultProperty()} shows the outcome.
     */
    public void test() {
        if (!applyConnectionString()) {
            return;
        }
        ConnectionProfile profile;
        try {
            profile = toProfile();
        } catch (IllegalArgumentException e) {
            testResult.set(e.getMessage());
            return;
        }
        testResult.set("Testing…");
        char[] pw = password();
        executor.submit(() -> connection.test(profile, pw), testResult::set,
                e -> testResult.set("Failed: " + ErrorReporter.describe(e)));
    }

    /**
     * @return the typed password, else one still inside a connection string that was not applied (session only),
     *     or null when there is none
     */
    public char[] password() {
        String p = password.get();
        if (p != null && !p.isEmpty()) {
            return p.toCharArray();
        }
        try {
            return ConnInfo.parse(connectionString.get()).password().orElse(null);
        } catch (ConnInfoException e) {
            return null;
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** @return display name */
    public StringProperty nameProperty() {
        return name;
    }

    /** @return kind of database */
    public ObjectProperty<ConnectionProfile.Kind> kindProperty() {
        return kind;
    }

    /** @return host name or address */
    public StringProperty hostProperty() {
        return host;
    }

    /** @return TCP port as typed */
    public StringProperty portProperty() {
        return port;
    }

    /** @return database name, or the H2 file path */
    public StringProperty databaseProperty() {
        return database;
    }

    /** @return user name */
    public StringProperty userProperty() {
        return user;
    }

    /** @return libpq sslmode */
    public StringProperty sslModeProperty() {
        return sslMode;
    }

    /**
     * @return connection string as typed or pasted: libpq URI, keyword=value string or JDBC URL (its keywords
     *     win over the fields)
     */
    public StringProperty connectionStringProperty() {
        return connectionString;
    }

    /** @return password for this session only; never stored */
    public StringProperty passwordProperty() {
        return password;
    }

    /** @return the last test's outcome: "Connected: 18.1" or the error's user message */
    public StringProperty testResultProperty() {
        return testResult;
    }
}
