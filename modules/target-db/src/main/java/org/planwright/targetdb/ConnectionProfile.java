package org.planwright.targetdb;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * How to reach one target database. Never holds a password: passwords come from {@code ~/.pgpass} /
 * {@code PGPASSFILE}, {@code PGPASSWORD}, or are asked for each session (see {@link PasswordSource}).
 * Immutable and thread-safe.
 *
 * @param id       stable key (UUID), also the store's key
 * @param name     what the user calls it, e.g. "orders prod replica"; blank becomes "unnamed"
 * @param kind     which kind of database
 * @param host     host name or address (PostgreSQL); null means {@code localhost}; null for H2
 * @param port     TCP port (PostgreSQL, 0 means the default 5432), 1 to 65535; 0 for H2
 * @param database database name (PostgreSQL), or the H2 file path without ".mv.db" (H2)
 * @param user     user name; null for H2 means {@code sa}
 * @param sslMode  libpq sslmode (disable, allow, prefer, require, verify-ca, verify-full); null means prefer
 * @param jdbcUrl  an explicit connection string (JDBC URL, libpq URI or keyword=value string, see
 *                 {@link ConnInfo}) whose keywords win over the fields, which fill what it leaves out; never
 *                 holds a password ({@link #of(String, ConnInfo)} takes it out)
 * @throws IllegalArgumentException for a port outside 0..65535 or an unknown sslmode
 */
public record ConnectionProfile(UUID id, String name, Kind kind, String host, int port, String database,
                                String user, String sslMode, String jdbcUrl) {

    /** PostgreSQL's default port. */
    public static final int DEFAULT_PORT = 5432;

    /** The sslmode values libpq and PgJDBC accept (libpq "Protection Provided in Different Modes"). */
    public static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");

    /** Kinds of target database. */
    public enum Kind {
        /** A PostgreSQL server reached over TCP. */
        POSTGRESQL,
        /** The embedded sandbox PostgreSQL that Planwright starts itself. */
        SANDBOX,
        /** An H2 database file. */
        H2_FILE
    }

    public ConnectionProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? "unnamed" : name.strip();
        host = blankToNull(host);
        database = blankToNull(database);
        user = blankToNull(user);
        jdbcUrl = blankToNull(jdbcUrl);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be between 1 and 65535 (0 for the default), not " + port);
        }
        sslMode = blankToNull(sslMode);
        if (sslMode != null) {
            sslMode = sslMode.toLowerCase(Locale.ROOT);
            if (!SSL_MODES.contains(sslMode)) {
                throw new IllegalArgumentException("Unknown SSL mode '" + sslMode + "'; use one of " + SSL_MODES);
            }
        }
    }

    /**
     * A PostgreSQL server profile with a fresh id.
     *
     * @param name     display name
     * @param host     host name or address; null for localhost
     * @param port     TCP port; 0 for 5432
     * @param database database name
     * @param user     user name
     * @param sslMode  libpq sslmode or null for prefer
     * @return the profile
     */
    public static ConnectionProfile postgres(String name, String host, int port, String database, String user,
                                             String sslMode) {
        return new ConnectionProfile(UUID.randomUUID(), name, Kind.POSTGRESQL, host, port, database, user, sslMode,
                null);
    }

    /**
     * A PostgreSQL server profile with a fresh id for a connection string: the fields hold its first server,
     * database, user and sslmode, and the string itself (without password) is kept only when the fields cannot
     * say everything (several hosts, hostaddr, options, application_name, driver properties ...).
     *
     * @param name display name
     * @param info the connection, e.g. {@code ConnInfo.parse(text)} or its {@link ConnInfo#resolve resolution}
     * @return the profile; its password-free
     * @throws ConnInfoException when a port, the host list or the sslmode is not valid
     */
    public static ConnectionProfile of(String name, ConnInfo info) {
        ConnInfo.Endpoint first = info.primary();
        String host = first.host().isEmpty() ? null : first.host();
        int port = info.get("port").map(String::isBlank).orElse(true) ? 0 : first.port();
        boolean fieldsSayAll = info.endpoints().size() == 1 && first.hostaddr().isEmpty()
                && info.driverProperties().isEmpty()
                && FIELD_KEYWORDS.containsAll(info.keywords().keySet());
        String string = fieldsSayAll ? null : info.withoutPassword().render();
        return new ConnectionProfile(UUID.randomUUID(), name, Kind.POSTGRESQL, host, port,
                info.get("dbname").orElse(null), info.user(), info.sslmode(), string);
    }

    /** Keywords a profile's fields hold; "service" is consumed by resolution, "passfile" only finds passwords. */
    private static final Set<String> FIELD_KEYWORDS = Set.of("host", "port", "dbname", "user", "sslmode");

    /**
     * An H2 file profile with a fresh id.
     *
     * @param name display name
     * @param file the database file, with or without the ".mv.db" suffix
     * @return the profile
     */
    public static ConnectionProfile h2File(String name, Path file) {
        String path = file.toAbsolutePath().toString();
        if (path.endsWith(".mv.db")) {
            path = path.substring(0, path.length() - ".mv.db".length());
        }
        return new ConnectionProfile(UUID.randomUUID(), name, Kind.H2_FILE, null, 0, path, null, null, null);
    }

    /** @return true for the PostgreSQL kinds ({@link Kind#POSTGRESQL} and {@link Kind#SANDBOX}) */
    public boolean isPostgres() {
        return kind != Kind.H2_FILE;
    }

    /** @return the host to connect to: {@link #host()} or "localhost" */
    public String effectiveHost() {
        return host == null ? "localhost" : host;
    }

    /** @return the port to connect to: {@link #port()} or 5432 */
    public int effectivePort() {
        return port > 0 ? port : DEFAULT_PORT;
    }

    /** @return the user name to log in as: {@link #user()}, or "sa" for H2, or null when not set */
    public String effectiveUser() {
        return user == null && kind == Kind.H2_FILE ? "sa" : user;
    }

    /** @return true when {@link #sslMode()} insists on SSL (require, verify-ca, verify-full) */
    public boolean requiresSsl() {
        return sslMode != null && (sslMode.equals("require") || sslMode.startsWith("verify"));
    }

    /**
     * @return the JDBC URL to connect with, never with a password: a JDBC URL given in {@link #jdbcUrl()} as is,
     *     another connection string converted ({@link ConnInfo#jdbcUrl()}), else one built from the fields (the
     *     database name URL-encoded, as PgJDBC decodes it)
     */
    public String effectiveJdbcUrl() {
        if (jdbcUrl != null) {
            return isPostgres() && !jdbcUrl.regionMatches(true, 0, "jdbc:", 0, 5) ? ConnInfo.of(this).jdbcUrl()
                    : jdbcUrl;
        }
        return switch (kind) {
            case POSTGRESQL, SANDBOX -> "jdbc:postgresql://" + urlHost() + ":" + effectivePort() + "/"
                    + (database == null ? "" : URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20"))
                    + (sslMode == null ? "" : "?sslmode=" + sslMode);
            case H2_FILE -> "jdbc:h2:file:" + database;
        };
    }

    private String urlHost() {
        String h = effectiveHost();
        return h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
