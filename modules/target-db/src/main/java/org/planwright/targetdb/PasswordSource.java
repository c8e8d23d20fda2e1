package org.planwright.targetdb;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.nio.file.Path;

/**
 * Where a session's password comes from, in libpq's order: the password file ({@link PgPass}), then the
 * {@code PGPASSWORD} environment variable, else nothing — then the UI asks for it each session and the CLI
 * asks on the console only when it is interactive. Passwords are never stored by Planwright.
 *
 * <p>The environment is passed in, so tests do not depend on the real one. Thread-safe; each call reads the
 * password file again (libpq does the same for each connection).
 */
public final class PasswordSource {

    /** Where a found password came from. */
    public enum Origin {
        /** A line of the password file. */
        PGPASS_FILE,
        /** The PGPASSWORD environment variable. */
        PGPASSWORD
    }

    /**
     * A password and its origin. The array is a fresh copy: wipe it ({@link #wipe()}) once the session is open.
     *
     * @param password the characters
     * @param origin   where they came from
     */
    public record Found(char[] password, Origin origin) {
        public Found {
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(origin, "origin");
        }

        /** Overwrites the password characters with zeros. */
        public void wipe() {
            Arrays.fill(password, '\0');
        }

        @Override
        public String toString() {
            return "Found[origin=" + origin + ", password=***]";
        }
    }

    private final Map<String, String> env;

    /** @param env environment variables ({@code System.getenv()} in production); copied */
    public PasswordSource(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * Looks the password up for a profile. H2 profiles get none (H2 files are opened with the profile's user and
     * an empty password unless one is typed).
     *
     * @param profile where to connect; for a connection string the host, port, database and user are taken
     *                from it ({@link ConnInfo#of(ConnectionProfile)}: its first server), else from the fields; its
     *                {@code passfile} keyword names the password file
     * @return the password and where it came from, or empty when the user must be asked
     */
    public Optional<Found> find(ConnectionProfile profile) {
        if (!profile.isPostgres()) {
            return Optional.empty();
        }
        Target t = target(profile);
        if (t.user != null && t.database != null) {
            PgPass file = t.passfile == null ? PgPass.load(env) : PgPass.load(Path.of(t.passfile));
            Optional<char[]> fromFile = file.find(t.host, t.port, t.database, t.user);
            if (fromFile.isPresent()) {
                return Optional.of(new Found(fromFile.get(), Origin.PGPASS_FILE));
            }
        }
        String fromEnv = env.get("PGPASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(new Found(fromEnv.toCharArray(), Origin.PGPASSWORD));
        }
        return Optional.empty();
    }

    private record Target(String host, int port, String database, String user, String passfile) {
    }

    /**
     * libpq's defaults: user from PGUSER or USER, database defaults to the user name. A connection string that
     * cannot be read gives no password: opening the session reports its error.
     */
    private Target target(ConnectionProfile profile) {
        String host = profile.host();
        int port = profile.port();
        String database = profile.database();
        String user = profile.user();
        String passfile = null;
        if (profile.jdbcUrl() != null) {
            try {
                ConnInfo info = PgEnvironment.of(env).applyService(ConnInfo.of(profile));
                ConnInfo.Endpoint first = info.primary();
                host = first.host().isEmpty() ? first.hostaddr() : first.host();
                port = first.port();
                database = info.get("dbname").orElse(null);
                user = info.user();
                passfile = info.get("passfile").orElse(null);
            } catch (ConnInfoException e) {
                return new Target(host, port, null, null, null);
            }
        }
        if (user == null) {
            user = env.getOrDefault("PGUSER", env.get("USER"));
        }
        if (database == null) {
            database = user;
        }
        return new Target(host, port, database, user, passfile);
    }
}
