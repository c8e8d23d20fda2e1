package org.planwright.testsupport;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs psql scripts and pg_dump plain-text dumps over JDBC, as far as tests need it (the embedded binaries ship
 * no {@code psql}):
 * <ul>
 *   <li>{@code COPY ... FROM stdin;} blocks (data lines up to {@code \.}) go through PgJDBC's
 *       {@link CopyManager};</li>
 *   <li>the SQL between them is sent as one multi-statement string (PgJDBC splits it, honouring quotes,
 *       dollar quotes and comments), so session settings such as {@code search_path} carry over;</li>
 *   <li>psql meta-commands (lines starting with a backslash: {@code \set}, {@code \if}, {@code \timing}...)
 *       are skipped; variables {@code :name} and {@code :'name'} are replaced from the map given (unknown
 *       names are left alone).</li>
 * </ul>
 * A COPY line is recognised only at the start of a line, as pg_dump writes it. Not thread-safe per connection.
 */
public final class SqlScripts {

    private static final Logger LOG = LoggerFactory.getLogger(SqlScripts.class);

    private static final Pattern COPY_FROM_STDIN =
            Pattern.compile("(?i)^COPY\\s+.+\\s+FROM\\s+stdin\\b.*;\\s*$");
    private static final Pattern VARIABLE = Pattern.compile("(?<![:\\w]):('?)([A-Za-z_][A-Za-z0-9_]*)\\1(?![\\w])");

    private SqlScripts() {
    }

    /**
     * Runs a script file.
     *
     * @param connection where to run it; auto-commit as the caller left it
     * @param script     a psql script or pg_dump plain-format dump (UTF-8)
     * @param variables  psql variables, e.g. {@code Map.of("sf", "0.05")}
     * @throws SQLException with the file name and the first line of the failing part (a SQL chunk or a COPY
     *                      block) in the message, the server's error as the cause
     * @throws IOException  when the file cannot be read
     */
    public static void run(Connection connection, Path script, Map<String, String> variables)
            throws SQLException, IOException {
        run(connection, script.getFileName().toString(), Files.readAllLines(script, StandardCharsets.UTF_8),
                variables);
    }

    /**
     * Runs a script given as lines.
     *
     * @param connection where to run it
     * @param name       the script's name for error messages
     * @param lines      the script's lines
     * @param variables  psql variables
     * @throws SQLException with {@code name:line} of the failing part in the message
     */
    public static void run(Connection connection, String name, List<String> lines, Map<String, String> variables)
            throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder sql = new StringBuilder();
        int sqlStart = 1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (COPY_FROM_STDIN.matcher(line).matches()) {
                execute(connection, sql, name, sqlStart);
                int end = i + 1;
                StringBuilder data = new StringBuilder();
                while (end < lines.size() && !lines.get(end).equals("\\.")) {
                    data.append(lines.get(end)).append('\n');
                    end++;
                }
                if (end == lines.size()) {
                    throw new SQLException(name + ":" + (i + 1) + ": COPY data has no end marker \\.");
                }
                try {
                    long rows = copy.copyIn(line, new StringReader(data.toString()));
                    LOG.debug("{}:{}: copied {} rows", name, i + 1, rows);
                } catch (IOException e) {
                    throw new SQLException(name + ":" + (i + 1) + ": COPY failed: " + e.getMessage(), e);
                } catch (SQLException e) {
                    throw new SQLException(name + ":" + (i + 1) + ": " + e.getMessage(), e.getSQLState(), e);
                }
                i = end;
                sqlStart = end + 2;
            } else if (line.stripLeading().startsWith("\\")) {
                LOG.debug("{}:{}: skipped psql meta-command {}", name, i + 1, line.strip());
                if (sql.isEmpty()) {
                    sqlStart = i + 2;
                }
            } else {
                if (sql.isEmpty() && line.isBlank()) {
                    sqlStart = i + 2;
                    continue;
                }
                sql.append(substitute(line, variables)).append('\n');
            }
        }
        execute(connection, sql, name, sqlStart);
    }

    /**
     * @param line      one line of SQL
     * @param variables psql variables
     * @return the line with {@code :name} replaced by the value and {@code :'name'} by a quoted literal
     */
    static String substitute(String line, Map<String, String> variables) {
        if (variables.isEmpty() || line.indexOf(':') < 0) {
            return line;
        }
        Matcher m = VARIABLE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(2));
            String replacement = value == null ? m.group()
                    : m.group(1).isEmpty() ? value : "'" + value.replace("'", "''") + "'";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void execute(Connection connection, StringBuilder sql, String name, int firstLine)
            throws SQLException {
        if (sql.toString().isBlank()) {
            sql.setLength(0);
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute(sql.toString());
        } catch (SQLException e) {
            throw new SQLException(name + ": the SQL starting at line " + firstLine + " failed: " + e.getMessage(),
                    e.getSQLState(), e);
        } finally {
            sql.setLength(0);
        }
    }
}
