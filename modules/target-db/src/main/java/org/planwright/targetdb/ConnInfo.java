package org.planwright.targetdb;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * A PostgreSQL connection string read into libpq's keywords ({@code host}, {@code port}, {@code dbname},
 * {@code user}, {@code sslmode}, {@code application_name}, ...). One reader for every form DBAs paste:
 * <ul>
 *   <li>libpq URIs: {@code postgresql://[user[:password]@][host][:port][,...][/dbname][?name=value&...]}, also
 *       {@code postgres://}; percent-encoding, IPv6 in brackets, several hosts, {@code ssl=true} read as
 *       {@code sslmode=require} (PostgreSQL documentation, libpq, "Connection URIs");</li>
 *   <li>libpq {@code keyword=value} strings: spaces around {@code =} optional, values in single quotes with
 *       {@code \'} and {@code \\} escapes ("Keyword/Value Connection Strings");</li>
 *   <li>PgJDBC URLs: {@code jdbc:postgresql://host:port,host2:port2/db?user=...&sslmode=...},
 *       {@code jdbc:postgresql:db}, plus {@code user:password@} before the host, which PgJDBC itself refuses;
 *       JDBC properties with a libpq counterpart ({@code ApplicationName}, {@code connectTimeout},
 *       {@code targetServerType}, ...) become libpq keywords, the others stay driver properties;</li>
 *   <li>a single word without {@code =}, read as a database name (psql's {@code -d});</li>
 *   <li>nothing: then {@link #resolve(PgEnvironment)} takes everything from the service file, the {@code PG*}
 *       environment variables and libpq's defaults, as psql does.</li>
 * </ul>
 * A password found in the string is kept for the session that uses it: {@link #password()} hands it out,
 * {@link #toString()}, {@link #render()}, {@link #jdbcUrl()}, {@link #keywords()} and every error message leave it
 * out, and {@link #withoutPassword()} gives what may be stored (ADR 0004). Immutable and thread-safe.
 */
public final class ConnInfo {

    /** Which form the string had. */
    public enum Form {
        /** {@code jdbc:postgresql:...} */
        JDBC_URL,
        /** {@code postgresql://...} or {@code postgres://...} */
        URI,
        /** {@code keyword=value ...}, or a bare database name */
        KEYWORD_VALUE,
        /** nothing given */
        EMPTY
    }

    /**
     * One server to try, in the order given (libpq "Specifying Multiple Hosts").
     *
     * @param host     the host as given: a name, an address, a Unix-domain socket directory (starts with '/'),
     *                 or "" for the default
     * @param hostaddr the numeric address to connect to instead of resolving {@code host}, or ""
     * @param port     TCP port, 1-65535
     */
    public record Endpoint(String host, String hostaddr, int port) {

        /** @return true when {@code host} names a Unix-domain socket directory */
        public boolean socketDirectory() {
            return host.startsWith("/") || host.startsWith("@");
        }

        /**
         * @return where the JDBC driver connects: the hostaddr, else the host; "localhost" for the default host
         *     and for socket directories (PgJDBC speaks TCP only, so a socket directory means the local server)
         */
        public String connectHost() {
            if (!hostaddr.isEmpty()) {
                return hostaddr;
            }
            return host.isEmpty() || socketDirectory() ? "localhost" : host;
        }
    }

    private final Form form;
    private final Map<String, String> keywords;
    private final Map<String, String> driverProperties;

    ConnInfo(Form form, Map<String, String> keywords, Map<String, String> driverProperties) {
        this.form = form;
        this.keywords = Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
        this.driverProperties = Collections.unmodifiableMap(new LinkedHashMap<>(driverProperties));
    }

    /**
     * Reads a connection string of any supported form (see the class comment).
     *
     * @param text the string; null or blank gives {@link #empty()}; surrounding whitespace is ignored
     * @return the keywords it sets
     * @throws ConnInfoException with the 0-based position of the problem and a message that quotes no input
     *                           except keyword names
     */
    public static ConnInfo parse(String text) {
        return ConnInfoParser.parse(text);
    }

    /** @return no keywords at all (psql without arguments) */
    public static ConnInfo empty() {
        return new ConnInfo(Form.EMPTY, Map.of(), Map.of());
    }

    /**
     * The connection a profile describes: its connection string when it has one, with the profile's fields
     * filling keywords the string does not set.
     *
     * @param profile a PostgreSQL or sandbox profile
     * @return the keywords
     * @throws ConnInfoException when the profile's connection string cannot be read
     */
    public static ConnInfo of(ConnectionProfile profile) {
        ConnInfo base = profile.jdbcUrl() == null ? new ConnInfo(Form.KEYWORD_VALUE, Map.of(), Map.of())
                : parse(profile.jdbcUrl());
        return base.withDefault("host", profile.host())
                .withDefault("port", profile.port() > 0 ? Integer.toString(profile.port()) : null)
                .withDefault("dbname", profile.database())
                .withDefault("user", profile.user())
                .withDefault("sslmode", profile.sslMode());
    }

    /** @return the form the string had */
    public Form form() {
        return form;
    }

    /**
     * @param keyword a libpq keyword, e.g. "application_name"
     * @return its value; always empty for "password" (use {@link #password()})
     */
    public Optional<String> get(String keyword) {
        return keyword.equals("password") ? Optional.empty() : Optional.ofNullable(keywords.get(keyword));
    }

    /** @return the libpq keywords set, in the order given, without the password */
    public Map<String, String> keywords() {
        Map<String, String> out = new LinkedHashMap<>(keywords);
        out.remove("password");
        return Collections.unmodifiableMap(out);
    }

    /** @return PgJDBC properties of a JDBC URL that have no libpq counterpart (e.g. prepareThreshold) */
    public Map<String, String> driverProperties() {
        Map<String, String> out = new LinkedHashMap<>(driverProperties);
        out.keySet().removeIf(k -> k.equalsIgnoreCase("password"));
        return Collections.unmodifiableMap(out);
    }

    /** @return true when the string carried a password */
    public boolean hasPassword() {
        return keywords.containsKey("password");
    }

    /** @return a fresh copy of the password the string carried, for one session; wipe it after use */
    public Optional<char[]> password() {
        return Optional.ofNullable(keywords.get("password")).map(String::toCharArray);
    }

    /** @return the same keywords without the password: what may be stored or shown */
    public ConnInfo withoutPassword() {
        Map<String, String> k = new LinkedHashMap<>(keywords);
        k.remove("password");
        return new ConnInfo(form, k, driverProperties());
    }

    /**
     * @param keyword a libpq keyword
     * @return a copy without it
     */
    ConnInfo without(String keyword) {
        if (!keywords.containsKey(keyword)) {
            return this;
        }
        Map<String, String> k = new LinkedHashMap<>(keywords);
        k.remove(keyword);
        return new ConnInfo(form, k, driverProperties);
    }

    /**
     * @param keyword a libpq keyword
     * @param value   its value; null leaves the connection unchanged
     * @return a copy with the keyword set when it was not set yet (the value is a fallback)
     */
    public ConnInfo withDefault(String keyword, String value) {
        if (value == null || keywords.containsKey(keyword)) {
            return this;
        }
        Map<String, String> k = new LinkedHashMap<>(keywords);
        k.put(keyword, value);
        return new ConnInfo(form == Form.EMPTY ? Form.KEYWORD_VALUE : form, k, driverProperties);
    }

    /**
     * The servers in the order libpq tries them: the {@code host} and {@code hostaddr} lists paired, each with
     * its port from the {@code port} list (one port for all, or one per host); empty items mean the defaults
     * (localhost, 5432). libpq's {@code connectOptions2} rules.
     *
     * @return at least one endpoint
     * @throws ConnInfoException when the lists do not pair up or a port is not a number
     */
    public List<Endpoint> endpoints() {
        List<String> hosts = split(keywords.get("host"));
        List<String> addrs = split(keywords.get("hostaddr"));
        List<String> ports = split(keywords.get("port"));
        int n = Math.max(hosts.size(), addrs.size());
        if (keywords.containsKey("host") && keywords.containsKey("hostaddr") && hosts.size() != addrs.size()) {
            throw new ConnInfoException("host lists " + hosts.size() + " servers but hostaddr " + addrs.size()
                    + " — give one hostaddr per host", -1);
        }
        if (ports.size() > 1 && ports.size() != n) {
            throw new ConnInfoException("port lists " + ports.size() + " ports for " + n + " hosts — give one port"
                    + " for all or one per host", -1);
        }
        List<Endpoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String host = i < hosts.size() ? hosts.get(i).strip() : "";
            String addr = i < addrs.size() ? addrs.get(i).strip() : "";
            String portText = ports.isEmpty() ? "" : ports.get(ports.size() == 1 ? 0 : i).strip();
            out.add(new Endpoint(host, addr, port(portText)));
        }
        return List.copyOf(out);
    }

    private static int port(String text) {
        if (text.isEmpty()) {
            return ConnectionProfile.DEFAULT_PORT;
        }
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new ConnInfoException("port is not a port number (1-65535)", -1);
    }

    private static List<String> split(String list) {
        if (list == null) {
            return List.of("");
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= list.length(); i++) {
            if (i == list.length() || list.charAt(i) == ',') {
                out.add(list.substring(from, i));
                from = i + 1;
            }
        }
        return out;
    }

    /** @return the first endpoint: the server whose password file line and messages apply */
    public Endpoint primary() {
        return endpoints().getFirst();
    }

    /** @return the user name, or null when neither the string nor a resolution set it */
    public String user() {
        return blankToNull(keywords.get("user"));
    }

    /** @return the database name; libpq's default is the user name; null when neither is known */
    public String dbname() {
        String db = blankToNull(keywords.get("dbname"));
        return db != null ? db : user();
    }

    /**
     * @return the sslmode, lower case, or null when not set
     * @throws ConnInfoException when it is not one of libpq's modes
     */
    public String sslmode() {
        String mode = blankToNull(keywords.get("sslmode"));
        if (mode == null) {
            return null;
        }
        mode = mode.toLowerCase(Locale.ROOT);
        if (!ConnectionProfile.SSL_MODES.contains(mode)) {
            throw new ConnInfoException("sslmode must be one of disable, allow, prefer, require, verify-ca,"
                    + " verify-full", -1);
        }
        return mode;
    }

    /**
     * Completes the connection the way libpq does for psql: keywords of the service ({@code service} keyword or
     * {@code PGSERVICE}) from {@code pg_service.conf}, then the {@code PG*} environment variables, then libpq's
     * defaults (user = the operating-system user, dbname = the user, port 5432, sslmode prefer). Keywords the
     * string sets always win. The password is not taken from {@code PGPASSWORD} here: {@link PasswordSource} does.
     *
     * @param environment environment variables and file locations
     * @return the completed connection
     * @throws ConnInfoException when the service is not defined, its file is missing or has a bad line
     */
    public ConnInfo resolve(PgEnvironment environment) {
        return environment.resolve(this);
    }

    /**
     * @return libpq keywords set here that PgJDBC has no counterpart for and that are therefore not applied
     *     (e.g. sslcrl, keepalives_idle, require_auth)
     */
    public List<String> unsupportedKeywords() {
        return keywords.keySet().stream()
                .filter(k -> !LibpqKeywords.TO_JDBC.containsKey(k) && !LibpqKeywords.CONSUMED.contains(k))
                .toList();
    }

    /**
     * Checks what is only checked when connecting: ports, host lists, sslmode, connect_timeout,
     * target_session_attrs.
     *
     * @return this connection
     * @throws ConnInfoException naming the keyword that is wrong (never its value)
     */
    public ConnInfo validate() {
        toJdbc();
        return this;
    }

    /**
     * What PgJDBC gets: the URL with the servers and the database, and the properties (password included when
     * the string had one). Socket directories become localhost (PgJDBC speaks TCP only).
     *
     * @return the URL and properties; the caller adds the session's own properties
     * @throws ConnInfoException for a bad port, sslmode, connect_timeout or target_session_attrs
     */
    JdbcTarget toJdbc() {
        StringJoiner hosts = new StringJoiner(",");
        for (Endpoint e : endpoints()) {
            String h = e.connectHost();
            hosts.add((h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + e.port());
        }
        String db = dbname();
        String url = "jdbc:postgresql://" + hosts + "/"
                + (db == null ? "" : URLEncoder.encode(db, StandardCharsets.UTF_8).replace("+", "%20"));
        Properties props = new Properties();
        sslmode(); // validates
        for (Map.Entry<String, String> k : keywords.entrySet()) {
            String jdbc = LibpqKeywords.TO_JDBC.get(k.getKey());
            if (jdbc != null) {
                props.setProperty(jdbc, k.getKey().equals("sslmode") ? sslmode() : k.getValue());
            }
        }
        String timeout = keywords.get("connect_timeout");
        if (timeout != null) {
            try {
                int seconds = Integer.parseInt(timeout.strip());
                // libpq: zero or negative waits forever, 1 is taken as 2 seconds
                props.setProperty("connectTimeout", Integer.toString(seconds <= 0 ? 0 : Math.max(2, seconds)));
            } catch (NumberFormatException e) {
                throw new ConnInfoException("connect_timeout must be a whole number of seconds", -1);
            }
        }
        String attrs = keywords.get("target_session_attrs");
        if (attrs != null) {
            String type = LibpqKeywords.targetServerType(attrs);
            if (type == null) {
                throw new ConnInfoException("target_session_attrs must be one of any, read-write, read-only,"
                        + " primary, standby, prefer-standby", -1);
            }
            props.setProperty("targetServerType", type);
        }
        if ("random".equalsIgnoreCase(keywords.get("load_balance_hosts"))) {
            props.setProperty("loadBalanceHosts", "true");
        }
        driverProperties.forEach(props::setProperty);
        return new JdbcTarget(url, props);
    }

    /**
     * The PgJDBC URL and properties of a connection.
     *
     * @param url        {@code jdbc:postgresql://host:port,.../db} without parameters
     * @param properties driver properties; may hold "password" — never print them
     */
    record JdbcTarget(String url, Properties properties) {
        @Override
        public String toString() {
            return url;
        }
    }

    /** @return the PgJDBC URL with its properties as parameters, never the password */
    public String jdbcUrl() {
        JdbcTarget t = toJdbc();
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        t.properties().stringPropertyNames().stream().sorted()
                .filter(name -> !name.equalsIgnoreCase("password") && !name.equalsIgnoreCase("sslpassword"))
                .forEach(name -> q.add(name + "=" + encode(t.properties().getProperty(name))));
        return t.url() + q;
    }

    /**
     * The connection string in its own form, without the password (and without sslpassword): what a profile
     * stores and what messages show. A string without keywords renders as "".
     *
     * @return the text
     */
    public String render() {
        return switch (form) {
            case JDBC_URL -> jdbcUrl();
            case URI -> renderUri();
            case KEYWORD_VALUE, EMPTY -> renderKeywordValue();
        };
    }

    private String renderKeywordValue() {
        StringJoiner out = new StringJoiner(" ");
        keywords.forEach((k, v) -> {
            if (!secret(k)) {
                out.add(k + "=" + quote(v));
            }
        });
        return out.toString();
    }

    private String renderUri() {
        StringBuilder b = new StringBuilder("postgresql://");
        if (keywords.containsKey("user")) {
            b.append(encode(keywords.get("user"))).append('@');
        }
        List<String> hosts = keywords.containsKey("host") ? split(keywords.get("host")) : List.of();
        List<String> ports = keywords.containsKey("port") ? split(keywords.get("port")) : List.of();
        boolean inlinePorts = ports.isEmpty() || ports.size() == Math.max(1, hosts.size());
        StringJoiner hostList = new StringJoiner(",");
        for (int i = 0; i < Math.max(hosts.size(), inlinePorts ? ports.size() : 0); i++) {
            String h = i < hosts.size() ? hosts.get(i) : "";
            String p = inlinePorts && i < ports.size() ? ports.get(i) : "";
            hostList.add((h.indexOf(':') >= 0 ? "[" + h + "]" : encode(h)) + (p.isEmpty() ? "" : ":" + p));
        }
        b.append(hostList);
        if (keywords.containsKey("dbname")) {
            b.append('/').append(encode(keywords.get("dbname")));
        }
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        keywords.forEach((k, v) -> {
            boolean inline = k.equals("user") || k.equals("host") || k.equals("dbname")
                    || k.equals("port") && inlinePorts;
            if (!inline && !secret(k)) {
                q.add(k + "=" + encode(v));
            }
        });
        return b.append(q).toString();
    }

    private static boolean secret(String keyword) {
        return keyword.equals("password") || keyword.equals("sslpassword") || keyword.equals("oauth_client_secret");
    }

    /** RFC 3986: everything but unreserved characters percent-encoded (UTF-8). */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~")
                .replace("*", "%2A");
    }

    private static String quote(String v) {
        if (!v.isEmpty() && v.chars().noneMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '\\')) {
            return v;
        }
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** @return {@link #render()}: the connection without its password */
    @Override
    public String toString() {
        try {
            return render();
        } catch (ConnInfoException e) {
            return form + " " + keywords().keySet();
        }
    }
}
