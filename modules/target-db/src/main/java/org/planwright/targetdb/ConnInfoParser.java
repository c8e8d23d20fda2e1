package org.planwright.targetdb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the three connection-string forms into libpq keywords, following libpq's {@code conninfo_parse} and
 * {@code conninfo_uri_parse_options} ({@code fe-connect.c}) and PgJDBC's {@code Driver.parseURL}. Errors never
 * quote the input except keyword names. Not thread-safe; one instance per string.
 */
final class ConnInfoParser {

    private final String text;
    private final Map<String, String> keywords = new LinkedHashMap<>();
    private final Map<String, String> driverProperties = new LinkedHashMap<>();

    private ConnInfoParser(String text) {
        this.text = text;
    }

    static ConnInfo parse(String input) {
        String text = input == null ? "" : input.strip();
        int lead = 0;
        while (input != null && lead < input.length() && Character.isWhitespace(input.charAt(lead))) {
            lead++;
        }
        ConnInfoParser p = new ConnInfoParser(text);
        ConnInfo.Form form;
        try {
            form = p.parse();
        } catch (ConnInfoException e) {
            throw lead > 0 && e.position() >= 0 ? shifted(e, lead) : e;
        }
        return new ConnInfo(form, p.keywords, p.driverProperties);
    }

    private static ConnInfoException shifted(ConnInfoException e, int by) {
        String msg = e.getMessage();
        int at = msg.lastIndexOf(" (at character ");
        return new ConnInfoException(at < 0 ? msg : msg.substring(0, at), e.position() + by);
    }

    private ConnInfo.Form parse() {
        if (text.isEmpty()) {
            return ConnInfo.Form.EMPTY;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            uri(text.indexOf("//") + 2, false);
            return ConnInfo.Form.URI;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            int start = "jdbc:postgresql:".length();
            if (text.startsWith("//", start)) {
                uri(start + 2, true);
            } else {
                jdbcDatabaseOnly(start);
            }
            return ConnInfo.Form.JDBC_URL;
        }
        int scheme = text.indexOf("://");
        if (scheme > 0 && text.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.:-]*")
                || lower.startsWith("jdbc:")) {
            throw new ConnInfoException("Not a PostgreSQL connection string: use postgresql://..., postgres://...,"
                    + " jdbc:postgresql://... or keyword=value pairs", 0);
        }
        if (text.indexOf('=') >= 0) {
            keywordValue();
            return ConnInfo.Form.KEYWORD_VALUE;
        }
        if (text.matches("[^\\s:/@'\\\\]+")) {
            keywords.put("dbname", text); // psql: a word that is no connection string is a database name
            return ConnInfo.Form.KEYWORD_VALUE;
        }
        throw new ConnInfoException("Not a connection string: use a URI (postgresql://user@host:5432/db), "
                + "keyword=value pairs (host=... dbname=...), or a JDBC URL (jdbc:postgresql://host:5432/db)", 0);
    }

    // ---- keyword = value (libpq conninfo_parse) ----

    private void keywordValue() {
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String name = text.substring(nameStart, i);
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.charAt(i) != '=') {
                throw new ConnInfoException("Missing \"=\" after " + describeWord(name)
                        + " — write keyword=value pairs separated by spaces", nameStart);
            }
            if (name.isEmpty()) {
                throw new ConnInfoException("A value without a keyword before \"=\"", nameStart);
            }
            i++;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                int quote = i++;
                while (true) {
                    if (i >= n) {
                        throw new ConnInfoException("Unterminated quoted value of " + describeWord(name)
                                + " — close it with ' (write \\' for a quote inside)", quote);
                    }
                    char c = text.charAt(i);
                    if (c == '\\') {
                        i++;
                        if (i < n) {
                            value.append(text.charAt(i++));
                        }
                    } else if (c == '\'') {
                        i++;
                        break;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    char c = text.charAt(i);
                    if (c == '\\') {
                        i++;
                        if (i < n) {
                            value.append(text.charAt(i++));
                        }
                    } else {
                        value.append(c);
                        i++;
                    }
                }
            }
            store(name, value.toString(), nameStart, false);
        }
    }

    /** A keyword name is quoted only when libpq knows it; an unknown word may be a misplaced password. */
    private static String describeWord(String word) {
        return LibpqKeywords.KEYWORDS.contains(word) ? "\"" + word + "\"" : "a word that is not a keyword";
    }

    private void store(String name, String value, int position, boolean jdbc) {
        if (jdbc) {
            String libpq = LibpqKeywords.fromJdbc(name);
            if (libpq != null) {
                keywords.put(libpq, value);
            } else if (name.equalsIgnoreCase("ssl")) {
                if (!value.equalsIgnoreCase("false")) {
                    keywords.putIfAbsent("sslmode", "require");
                }
            } else if (name.equalsIgnoreCase("targetServerType")
                    && LibpqKeywords.targetSessionAttrs(value) != null) {
                keywords.put("target_session_attrs", LibpqKeywords.targetSessionAttrs(value));
            } else if (name.equalsIgnoreCase("loadBalanceHosts")) {
                keywords.put("load_balance_hosts", value.equalsIgnoreCase("true") ? "random" : "disable");
            } else if (name.equalsIgnoreCase("PGHOST") || name.equalsIgnoreCase("PGPORT")
                    || name.equalsIgnoreCase("PGDBNAME")) {
                keywords.put(switch (name.toUpperCase(Locale.ROOT)) {
                    case "PGHOST" -> "host";
                    case "PGPORT" -> "port";
                    default -> "dbname";
                }, value);
            } else if (LibpqKeywords.KEYWORDS.contains(name)) {
                keywords.put(name, value); // a libpq keyword in a JDBC URL, e.g. connect_timeout
            } else {
                driverProperties.put(name, value);
            }
            return;
        }
        if (name.equals("ssl") && value.equals("true")) {
            keywords.put("sslmode", "require"); // libpq: "for compatibility with JDBC connection URIs"
            return;
        }
        if (!LibpqKeywords.KEYWORDS.contains(name)) {
            String near = LibpqKeywords.nearest(name);
            throw new ConnInfoException("Unknown connection keyword" + (near == null
                    ? " — see the keywords of libpq's \"Parameter Key Words\"" : " — did you mean \"" + near + "\"?"),
                    position);
        }
        keywords.put(name, value);
    }

    // ---- URIs (libpq conninfo_uri_parse_options; PgJDBC Driver.parseURL for jdbc:) ----

    private void uri(int start, boolean jdbc) {
        int n = text.length();
        int end = start;
        while (end < n && text.charAt(end) != '/' && text.charAt(end) != '?') {
            end++;
        }
        int at = text.lastIndexOf('@', end - 1);
        int i = start;
        if (at >= start) {
            int colon = text.indexOf(':', start);
            int userEnd = colon >= 0 && colon < at ? colon : at;
            String user = decode(start, userEnd);
            if (!user.isEmpty()) {
                keywords.put("user", user);
            }
            if (userEnd < at) {
                keywords.put("password", decode(userEnd + 1, at));
            }
            i = at + 1;
        }
        StringBuilder hosts = new StringBuilder();
        StringBuilder ports = new StringBuilder();
        boolean anyPort = false;
        boolean first = true;
        while (true) {
            String host;
            if (i < n && text.charAt(i) == '[') {
                int close = text.indexOf(']', i);
                if (close < 0 || close > end) {
                    throw new ConnInfoException("An IPv6 address in [ has no closing ]", i);
                }
                if (close == i + 1) {
                    throw new ConnInfoException("An IPv6 address in [] is empty", i);
                }
                host = text.substring(i + 1, close);
                i = close + 1;
                if (i < end && text.charAt(i) != ':' && text.charAt(i) != ',') {
                    throw new ConnInfoException("Unexpected character after an IPv6 address (expected \":\", \",\","
                            + " \"/\" or \"?\")", i);
                }
            } else {
                int hs = i;
                while (i < end && text.charAt(i) != ':' && text.charAt(i) != ',') {
                    i++;
                }
                host = decode(hs, i);
            }
            String port = "";
            if (i < end && text.charAt(i) == ':') {
                int ps = ++i;
                while (i < end && text.charAt(i) != ',') {
                    i++;
                }
                port = decode(ps, i);
                checkPort(port, ps, "port after the host");
                anyPort |= !port.isEmpty();
            }
            if (!first) {
                hosts.append(',');
                ports.append(',');
            }
            hosts.append(host);
            ports.append(port);
            first = false;
            if (i < end && text.charAt(i) == ',') {
                i++;
                continue;
            }
            break;
        }
        if (hosts.length() > 0) {
            keywords.put("host", hosts.toString());
        }
        if (anyPort) {
            keywords.put("port", ports.toString());
        }
        i = end;
        if (i < n && text.charAt(i) == '/') {
            int ds = ++i;
            while (i < n && text.charAt(i) != '?') {
                i++;
            }
            String db = decode(ds, i);
            if (!db.isEmpty()) {
                keywords.put("dbname", db);
            }
        }
        if (i < n && text.charAt(i) == '?') {
            query(i + 1, jdbc);
        }
    }

    /** {@code jdbc:postgresql:database?params} and {@code jdbc:postgresql:/?params}: PgJDBC's host-less forms. */
    private void jdbcDatabaseOnly(int start) {
        int q = text.indexOf('?', start);
        int end = q < 0 ? text.length() : q;
        int ds = start < end && text.charAt(start) == '/' ? start + 1 : start;
        String db = decode(ds, end);
        if (!db.isEmpty()) {
            keywords.put("dbname", db);
        }
        if (q >= 0) {
            query(q + 1, true);
        }
    }

    private void query(int start, boolean jdbc) {
        int n = text.length();
        int i = start;
        while (i < n) {
            int amp = text.indexOf('&', i);
            int pe = amp < 0 ? n : amp;
            if (pe > i) {
                int eq = text.indexOf('=', i);
                if (eq < 0 || eq > pe) {
                    if (!jdbc) {
                        throw new ConnInfoException("A URI query parameter has no \"=\" — write name=value", i);
                    }
                    store(decode(i, pe), "", i, true);
                } else {
                    if (!jdbc && text.indexOf('=', eq + 1) >= 0 && text.indexOf('=', eq + 1) < pe) {
                        throw new ConnInfoException("A URI query parameter has a second \"=\" — write it as %3D",
                                eq + 1);
                    }
                    String name = decode(i, eq);
                    String value = decode(eq + 1, pe);
                    store(name, value, i, jdbc);
                }
            }
            i = pe + 1;
        }
    }

    private static void checkPort(String port, int position, String what) {
        if (port.isEmpty()) {
            return;
        }
        if (!port.chars().allMatch(c -> c >= '0' && c <= '9') || port.length() > 5
                || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new ConnInfoException("The " + what + " is not a port number (1-65535); in a URI, percent-encode"
                    + " a : / @ or ? inside the user name or password (%3A %2F %40 %3F)", position);
        }
    }

    /** RFC 3986 percent-decoding ({@code +} stays a plus), UTF-8; libpq refuses %00. */
    private String decode(int from, int to) {
        if (text.indexOf('%', from) < 0 || text.indexOf('%', from) >= to) {
            return text.substring(from, to);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= to) {
                throw new ConnInfoException("An incomplete percent-encoded character (write %XX)", i);
            }
            int hi = Character.digit(text.charAt(i + 1), 16);
            int lo = Character.digit(text.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                throw new ConnInfoException("An invalid percent-encoded character (write %XX with hex digits)", i);
            }
            if (hi == 0 && lo == 0) {
                throw new ConnInfoException("%00 is not allowed in a connection URI", i);
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new ConnInfoException("Percent-encoded bytes that are not UTF-8", from);
        }
    }
}
