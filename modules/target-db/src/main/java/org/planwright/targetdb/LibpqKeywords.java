package org.planwright.targetdb;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * libpq's connection keywords, their environment variables, and their PgJDBC counterparts. Sources: PostgreSQL
 * 18 documentation, libpq chapter, sections "Parameter Key Words" and "Environment Variables"; PgJDBC's
 * "Connection Parameters" page (42.7).
 */
final class LibpqKeywords {

    private LibpqKeywords() {
    }

    /** Every keyword libpq 18 accepts in a connection string or service file. */
    static final Set<String> KEYWORDS = Set.of("host", "hostaddr", "port", "dbname", "user", "password", "passfile",
            "require_auth", "channel_binding", "connect_timeout", "client_encoding", "options", "application_name",
            "fallback_application_name", "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count",
            "tcp_user_timeout", "replication", "gssencmode", "sslmode", "sslnegotiation", "sslcompression", "sslcert",
            "sslkey", "sslkeylogfile", "sslpassword", "sslcertmode", "sslrootcert", "sslcrl", "sslcrldir", "sslsni",
            "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "min_protocol_version",
            "max_protocol_version", "krbsrvname", "gsslib", "gssdelegation", "service", "servicefile",
            "target_session_attrs", "load_balance_hosts", "oauth_issuer", "oauth_client_id", "oauth_client_secret",
            "oauth_scope");

    /**
     * Environment variable to keyword, in libpq's table ("Environment Variables"). {@code PGPASSWORD} is left out
     * on purpose: {@link PasswordSource} applies it; {@code PGSERVICE}, {@code PGSERVICEFILE} and
     * {@code PGSYSCONFDIR} are read by {@link PgEnvironment} when it looks for the service.
     */
    static final Map<String, String> ENV_VARS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PGHOST", "host");
        m.put("PGHOSTADDR", "hostaddr");
        m.put("PGPORT", "port");
        m.put("PGDATABASE", "dbname");
        m.put("PGUSER", "user");
        m.put("PGPASSFILE", "passfile");
        m.put("PGREQUIREAUTH", "require_auth");
        m.put("PGCHANNELBINDING", "channel_binding");
        m.put("PGOPTIONS", "options");
        m.put("PGAPPNAME", "application_name");
        m.put("PGSSLMODE", "sslmode");
        m.put("PGSSLNEGOTIATION", "sslnegotiation");
        m.put("PGSSLCOMPRESSION", "sslcompression");
        m.put("PGSSLCERT", "sslcert");
        m.put("PGSSLKEY", "sslkey");
        m.put("PGSSLCERTMODE", "sslcertmode");
        m.put("PGSSLROOTCERT", "sslrootcert");
        m.put("PGSSLCRL", "sslcrl");
        m.put("PGSSLCRLDIR", "sslcrldir");
        m.put("PGREQUIREPEER", "requirepeer");
        m.put("PGSSLMINPROTOCOLVERSION", "ssl_min_protocol_version");
        m.put("PGSSLMAXPROTOCOLVERSION", "ssl_max_protocol_version");
        m.put("PGMINPROTOCOLVERSION", "min_protocol_version");
        m.put("PGMAXPROTOCOLVERSION", "max_protocol_version");
        m.put("PGGSSENCMODE", "gssencmode");
        m.put("PGKRBSRVNAME", "krbsrvname");
        m.put("PGGSSLIB", "gsslib");
        m.put("PGGSSDELEGATION", "gssdelegation");
        m.put("PGCONNECT_TIMEOUT", "connect_timeout");
        m.put("PGCLIENTENCODING", "client_encoding");
        m.put("PGTARGETSESSIONATTRS", "target_session_attrs");
        m.put("PGLOADBALANCEHOSTS", "load_balance_hosts");
        ENV_VARS = java.util.Collections.unmodifiableMap(m); // libpq's order, for a stable rendering
    }

    /** PgJDBC property name to libpq keyword, for properties whose meaning is the same. */
    static final Map<String, String> FROM_JDBC = Map.ofEntries(
            Map.entry("user", "user"),
            Map.entry("password", "password"),
            Map.entry("sslmode", "sslmode"),
            Map.entry("applicationname", "application_name"),
            Map.entry("connecttimeout", "connect_timeout"),
            Map.entry("options", "options"),
            Map.entry("sslcert", "sslcert"),
            Map.entry("sslkey", "sslkey"),
            Map.entry("sslrootcert", "sslrootcert"),
            Map.entry("sslpassword", "sslpassword"),
            Map.entry("gssencmode", "gssencmode"),
            Map.entry("kerberosservername", "krbsrvname"),
            Map.entry("gsslib", "gsslib"),
            Map.entry("replication", "replication"),
            Map.entry("service", "service"));

    /** libpq keyword to PgJDBC property name (the inverse of {@link #FROM_JDBC} plus translated ones). */
    static final Map<String, String> TO_JDBC = Map.ofEntries(
            Map.entry("user", "user"),
            Map.entry("password", "password"),
            Map.entry("sslmode", "sslmode"),
            Map.entry("application_name", "ApplicationName"),
            Map.entry("connect_timeout", "connectTimeout"),
            Map.entry("options", "options"),
            Map.entry("sslcert", "sslcert"),
            Map.entry("sslkey", "sslkey"),
            Map.entry("sslrootcert", "sslrootcert"),
            Map.entry("sslpassword", "sslpassword"),
            Map.entry("gssencmode", "gssEncMode"),
            Map.entry("krbsrvname", "kerberosServerName"),
            Map.entry("gsslib", "gsslib"),
            Map.entry("replication", "replication"));

    /**
     * Keywords used to find the server, the password or the service rather than passed to the driver; never
     * reported as unsupported.
     */
    static final Set<String> CONSUMED = Set.of("host", "hostaddr", "port", "dbname", "passfile", "service",
            "servicefile", "target_session_attrs", "load_balance_hosts", "fallback_application_name",
            "client_encoding", "keepalives");

    /**
     * @param jdbcName a PgJDBC property name in any case
     * @return the libpq keyword of the same meaning, or null when libpq has none
     */
    static String fromJdbc(String jdbcName) {
        return FROM_JDBC.get(jdbcName.toLowerCase(Locale.ROOT));
    }

    /**
     * PgJDBC's {@code targetServerType} for libpq's {@code target_session_attrs} (libpq "Parameter Key Words";
     * PgJDBC treats "primary" as "not in recovery", which is libpq's read-write for servers without
     * default_transaction_read_only).
     *
     * @param attrs the libpq value
     * @return the PgJDBC value, or null for an unknown value
     */
    static String targetServerType(String attrs) {
        return switch (attrs.toLowerCase(Locale.ROOT)) {
            case "any" -> "any";
            case "read-write", "primary" -> "primary";
            case "read-only", "standby" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            default -> null;
        };
    }

    /**
     * The reverse of {@link #targetServerType(String)}.
     *
     * @param type PgJDBC's value
     * @return libpq's value, or null when libpq has none (preferPrimary)
     */
    static String targetSessionAttrs(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "any" -> "any";
            case "primary", "master" -> "primary";
            case "secondary", "slave" -> "standby";
            case "prefersecondary", "preferslave" -> "prefer-standby";
            default -> null;
        };
    }

    /**
     * The known keyword a mistyped one was probably meant to be: the closest by edit distance (Levenshtein), at
     * most 2 edits away. Messages name the suggestion, never the unknown word, which may be part of a password.
     *
     * @param unknown a word that is not a keyword
     * @return the keyword, or null when none is close
     */
    static String nearest(String unknown) {
        String lower = unknown.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (String k : KEYWORDS.stream().sorted().toList()) {
            int d = distance(lower, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
