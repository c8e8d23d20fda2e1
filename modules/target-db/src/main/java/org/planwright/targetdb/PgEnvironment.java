package org.planwright.targetdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What libpq reads from its surroundings to complete a connection, passed in so that tests need not change the
 * process environment: the {@code PG*} environment variables, the home directory (for
 * {@code ~/.pg_service.conf}), the system configuration directory (for {@code pg_service.conf}) and the
 * operating-system user (libpq's default user name). Immutable and thread-safe; {@link #resolve(ConnInfo)} reads
 * the service files each time (libpq does the same for each connection).
 *
 * @param env        environment variables ({@code System.getenv()} in production)
 * @param home       the home directory
 * @param sysconfDir where the system-wide {@code pg_service.conf} lives: {@code PGSYSCONFDIR}, else the
 *                   directory libpq was built with (Debian and Ubuntu: {@code /etc/postgresql-common})
 * @param osUser     the operating-system user name
 */
public record PgEnvironment(Map<String, String> env, Path home, Path sysconfDir, String osUser) {

    /** Debian's and Ubuntu's libpq look for the system-wide pg_service.conf here ({@code pg_config --sysconfdir}). */
    public static final Path DEFAULT_SYSCONFDIR = Path.of("/etc/postgresql-common");

    public PgEnvironment {
        env = Map.copyOf(env);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(sysconfDir, "sysconfDir");
        Objects.requireNonNull(osUser, "osUser");
    }

    /** @return the process environment, {@code user.home} and {@code user.name} */
    public static PgEnvironment system() {
        return of(System.getenv());
    }

    /**
     * @param env environment variables; {@code HOME} (else {@code user.home}) is the home directory,
     *            {@code PGSYSCONFDIR} (else {@link #DEFAULT_SYSCONFDIR}) the system configuration directory
     * @return the environment, with {@code user.name} as the operating-system user
     */
    public static PgEnvironment of(Map<String, String> env) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        String sysconf = env.get("PGSYSCONFDIR");
        return new PgEnvironment(env, Path.of(home),
                sysconf == null || sysconf.isBlank() ? DEFAULT_SYSCONFDIR : Path.of(sysconf),
                System.getProperty("user.name", "postgres"));
    }

    /**
     * libpq's {@code conninfo_add_defaults}: service keywords, then environment variables, then defaults; each
     * only where the connection has no value yet.
     *
     * @param given what the user gave
     * @return the completed connection, in the given form, without the service keywords (they are read)
     * @throws ConnInfoException when the named service is not found or its file is bad
     */
    ConnInfo resolve(ConnInfo given) {
        ConnInfo out = given.without("service").without("servicefile"); // read here, not again by the connector
        String service = given.get("service").orElse(blankToNull(env.get("PGSERVICE")));
        if (service != null) {
            Map<String, String> entries = service(service, given.get("servicefile").orElse(null));
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out = out.withDefault(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, String> e : LibpqKeywords.ENV_VARS.entrySet()) {
            out = out.withDefault(e.getValue(), blankToNull(env.get(e.getKey())));
        }
        String requireSsl = env.get("PGREQUIRESSL");
        if (requireSsl != null && requireSsl.startsWith("1")) {
            out = out.withDefault("sslmode", "require"); // libpq: the deprecated PGREQUIRESSL, below PGSSLMODE
        }
        out = out.withDefault("port", Integer.toString(ConnectionProfile.DEFAULT_PORT))
                .withDefault("sslmode", "prefer")
                .withDefault("user", osUser);
        if (out.get("dbname").map(String::isBlank).orElse(true)) {
            out = out.withDefault("dbname", out.user());
        }
        return out;
    }

    /**
     * Only the service step of {@link #resolve(ConnInfo)}, for a service the string names itself
     * ({@code service=name}); {@code PGSERVICE} and the other variables are not consulted. Saved profiles use
     * this: what they say must not change with the environment, but a service they name must be read.
     *
     * @param given a connection
     * @return the connection with the service's keywords where it has none, without the service keyword; the
     *     same connection when it names no service
     * @throws ConnInfoException when the named service is not found or its file is bad
     */
    public ConnInfo applyService(ConnInfo given) {
        Optional<String> service = given.get("service");
        if (service.isEmpty() || service.get().isBlank()) {
            return given;
        }
        ConnInfo out = given.without("service").without("servicefile");
        for (Map.Entry<String, String> e : service(service.get(), given.get("servicefile").orElse(null)).entrySet()) {
            out = out.withDefault(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * libpq's {@code parseServiceInfo}: the {@code servicefile} keyword, else {@code PGSERVICEFILE}, else
     * {@code ~/.pg_service.conf} when it exists; when the service is not there, {@code pg_service.conf} in the
     * system configuration directory.
     */
    private Map<String, String> service(String service, String serviceFileKeyword) {
        String explicit = serviceFileKeyword != null ? serviceFileKeyword : blankToNull(env.get("PGSERVICEFILE"));
        Path user = explicit != null ? Path.of(explicit) : home.resolve(".pg_service.conf");
        if (explicit != null && !Files.isRegularFile(user)) {
            throw new ConnInfoException("Service file " + user + " not found (named by "
                    + (serviceFileKeyword != null ? "servicefile" : "PGSERVICEFILE") + ")", -1);
        }
        if (Files.isRegularFile(user)) {
            Optional<Map<String, String>> found = group(user, service);
            if (found.isPresent()) {
                return found.get();
            }
        }
        Path system = sysconfDir.resolve("pg_service.conf");
        if (Files.isRegularFile(system)) {
            Optional<Map<String, String>> found = group(system, service);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ConnInfoException("Service \"" + service + "\" is not defined in " + user + " or " + system, -1);
    }

    /**
     * One {@code [service]} group of a service file, read as libpq's {@code parseServiceFile} reads it: leading
     * and trailing whitespace of a line ignored, {@code #} comments, {@code keyword=value} lines (no spaces
     * around {@code =}); the first value of a keyword wins; {@code service} and {@code servicefile} inside a
     * group are errors.
     *
     * @return the group's keywords, or empty when the file has no such group
     * @throws ConnInfoException naming the file and line of a bad line (never its text)
     */
    static Optional<Map<String, String>> group(Path file, String service) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConnInfoException("Service file " + file + " cannot be read: " + e.getClass().getSimpleName(),
                    -1);
        }
        Map<String, String> out = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (out != null) {
                    break; // the end of the wanted group
                }
                if (line.startsWith("[" + service + "]")) {
                    out = new LinkedHashMap<>();
                }
                continue;
            }
            if (out == null) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? null : line.substring(0, eq);
            if (key == null || !LibpqKeywords.KEYWORDS.contains(key)) {
                throw new ConnInfoException("Syntax error in service file " + file + ", line " + (i + 1)
                        + " — write keyword=value with a libpq keyword", -1);
            }
            if (key.equals("service") || key.equals("servicefile")) {
                throw new ConnInfoException("Service file " + file + ", line " + (i + 1) + ": a service cannot name "
                        + "another " + key, -1);
            }
            out.putIfAbsent(key, line.substring(eq + 1));
        }
        return Optional.ofNullable(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
