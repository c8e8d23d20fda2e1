package org.planwright.app.connection;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.error.ErrorReporter;
import org.planwright.targetdb.ConnectionProfile;

/**
 * The connection dialog's form: fields of a {@link ConnectionProfile} as text, validation with a message that
 * names the field, and the Test connection command (its result or the service's user message, never a stack
 * trace). The password field is for this session only and never stored. FX thread only.
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
    private final StringProperty jdbcUrl = new SimpleStringProperty(this, "jdbcUrl", "");
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
        jdbcUrl.set(p.jdbcUrl() == null ? "" : p.jdbcUrl());
        password.set("");
        testResult.set("");
    }

    /** Clears the form for a new profile with a new id. */
    public void clear() {
        load(new ConnectionProfile(UUID.randomUUID(), "", ConnectionProfile.Kind.POSTGRESQL, "localhost", 5432,
                "", "", null, null));
        name.set("");
    }

    /**
     * Builds the profile the form describes.
     *
     * @return the profile
     * @throws IllegalArgumentException with a message naming the field to fix
     */
    public ConnectionProfile toProfile() {
        if (name.get() == null || name.get().isBlank()) {
            throw new IllegalArgumentException("Name: give the connection a name");
        }
        String url = trim(jdbcUrl.get());
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
            throw new IllegalArgumentException("Database: name the database, or give a JDBC URL");
        }
        if (url != null && !url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("JDBC URL: must start with jdbc:postgresql:");
        }
        return new ConnectionProfile(id, name.get(), k, trim(host.get()), p, trim(database.get()), trim(user.get()),
                trim(sslMode.get()), url);
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

    /** Tries the connection in the background; {@link #testResultProperty()} shows the outcome. */
    public void test() {
        ConnectionProfile profile;
        try {
            profile = toProfile();
        } catch (IllegalArgumentException e) {
            testResult.set(e.getMessage());
            return;
        }
        testResult.set("Testing…");
        char[] pw = password.get() == null ? null : password.get().toCharArray();
        executor.submit(() -> connection.test(profile, pw), testResult::set,
                e -> testResult.set("Failed: " + ErrorReporter.describe(e)));
    }

    /** @return the typed password (session only), or null when blank */
    public char[] password() {
        String p = password.get();
        return p == null || p.isEmpty() ? null : p.toCharArray();
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

    /** @return explicit JDBC URL (overrides host/port/database) */
    public StringProperty jdbcUrlProperty() {
        return jdbcUrl;
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
