package org.planwright.targetdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A libpq password file ({@code ~/.pgpass}, {@code %APPDATA%\postgresql\pgpass.conf} on Windows, or the file
 * named by {@code PGPASSFILE}), read the way libpq reads it (PostgreSQL documentation, libpq chapter, section
 * "The Password File"; {@code passwordFromFile} in libpq's {@code fe-connect.c}):
 * <ul>
 *   <li>lines {@code hostname:port:database:username:password}; lines starting with {@code #} are comments;
 *       lines with fewer than five fields are skipped;</li>
 *   <li>each of the first four fields is a literal or {@code *}, which matches anything;</li>
 *   <li>{@code \:} and {@code \\} escape a colon or backslash in any field, the password included;</li>
 *   <li>the first matching line wins (put specific lines before wildcard ones);</li>
 *   <li>the host field is compared with the host as given; a connection without a host, or through a Unix
 *       socket directory, is looked up as {@code localhost};</li>
 *   <li>on POSIX file systems the file is ignored when it grants any permission to group or others
 *       (libpq wants {@code chmod 0600}); it is also ignored when it is not a regular file.</li>
 * </ul>
 * Immutable and thread-safe. Passwords are returned as {@code char[]} the caller may wipe.
 */
public final class PgPass {

    private static final Logger LOG = LoggerFactory.getLogger(PgPass.class);
    private static final Set<PosixFilePermission> GROUP_OR_WORLD = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** One line of the file, fields already unescaped; a null field is the {@code *} wildcard. */
    record Entry(String host, String port, String database, String user, String password, int line) {
        boolean matches(String h, String p, String d, String u) {
            return field(host, h) && field(port, p) && field(database, d) && field(user, u);
        }

        private static boolean field(String pattern, String value) {
            return pattern == null || pattern.equals(value);
        }
    }

    private final Path file;
    private final List<Entry> entries;

    private PgPass(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    /**
     * Where libpq looks for the password file: {@code PGPASSFILE}, else {@code %APPDATA%\postgresql\pgpass.conf}
     * on Windows, else {@code $HOME/.pgpass} (falling back to the {@code user.home} system property).
     *
     * @param env the environment variables to consult (pass {@code System.getenv()} in production)
     * @return the path, which need not exist
     */
    public static Path locate(Map<String, String> env) {
        String explicit = env.get("PGPASSFILE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        if (System.getProperty("os.name", "").startsWith("Windows") && env.get("APPDATA") != null) {
            return Path.of(env.get("APPDATA"), "postgresql", "pgpass.conf");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".pgpass");
    }

    /**
     * Reads the password file libpq would read.
     *
     * @param env the environment variables to consult (see {@link #locate(Map)})
     * @return the file's entries; empty when the file is missing, unreadable, not a regular file, or
     *     readable by group or others (each of these logged once at WARN or DEBUG)
     */
    public static PgPass load(Map<String, String> env) {
        return load(locate(env));
    }

    /**
     * Reads a password file, with libpq's permission rule.
     *
     * @param file the file
     * @return its entries, or none when libpq would ignore the file
     */
    public static PgPass load(Path file) {
        if (!Files.exists(file)) {
            LOG.debug("No password file at {}", file);
            return new PgPass(file, List.of());
        }
        if (!Files.isRegularFile(file)) {
            LOG.warn("Password file {} is not a plain file; ignored (as libpq does)", file);
            return new PgPass(file, List.of());
        }
        if (!safePermissions(file)) {
            LOG.warn("Password file {} has group or world access; ignored (as libpq does) — run chmod 0600 on it",
                    file);
            return new PgPass(file, List.of());
        }
        try {
            return new PgPass(file, parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            LOG.warn("Password file {} cannot be read: {}", file, e.getMessage());
            return new PgPass(file, List.of());
        }
    }

    /**
     * @param content the file's text
     * @return a password file with those lines (no permission check); for tests and pasted content
     */
    public static PgPass of(String content) {
        return new PgPass(null, parse(content));
    }

    /** @return true unless a POSIX file grants any permission to group or others */
    static boolean safePermissions(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return true; // libpq does not check permissions on Windows either
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            return perms.stream().noneMatch(GROUP_OR_WORLD::contains);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Finds the password of the first matching line.
     *
     * @param host     host as given in the connection; null, blank or a socket directory (starts with '/')
     *                 is looked up as "localhost"
     * @param port     TCP port; 0 or less means 5432
     * @param database database name; must not be null
     * @param user     user name; must not be null
     * @return a fresh copy of the password, or empty when no line matches
     */
    public Optional<char[]> find(String host, int port, String database, String user) {
        String h = host == null || host.isBlank() || host.startsWith("/") ? "localhost" : host;
        String p = Integer.toString(port > 0 ? port : ConnectionProfile.DEFAULT_PORT);
        for (Entry e : entries) {
            if (e.matches(h, p, database, user)) {
                LOG.debug("Password for {}@{}:{}/{} from line {} of {}", user, h, p, database, e.line(), file);
                return Optional.of(e.password().toCharArray());
            }
        }
        return Optional.empty();
    }

    /** @return the file read, or null for content given with {@link #of(String)} */
    public Path file() {
        return file;
    }

    /** @return how many usable lines the file has */
    public int size() {
        return entries.size();
    }

    static List<Entry> parse(String content) {
        List<Entry> out = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = split(line);
            if (fields.size() < 5) {
                continue;
            }
            String password = fields.get(4) == null ? "*" : fields.get(4);
            out.add(new Entry(fields.get(0), fields.get(1), fields.get(2), fields.get(3), password, i + 1));
        }
        return out;
    }

    /**
     * Splits at unescaped colons and unescapes. A field that is exactly an unescaped {@code *} becomes null
     * (the wildcard); an escaped {@code \*} is a literal star that matches only "*", as in libpq. The password is
     * the fifth field, up to the next unescaped colon.
     */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < line.length() && fields.size() < 5; i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                escaped = true;
                cur.append(next);
            } else if (c == ':') {
                fields.add(finish(cur, escaped));
                cur.setLength(0);
                escaped = false;
            } else {
                cur.append(c);
            }
        }
        if (fields.size() < 5) {
            fields.add(finish(cur, escaped));
        }
        return fields;
    }

    private static String finish(StringBuilder field, boolean escaped) {
        String s = field.toString();
        return !escaped && s.equals("*") ? null : s;
    }
}
