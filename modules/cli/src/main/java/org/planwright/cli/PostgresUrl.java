package org.planwright.cli;

import java.util.Properties;
import java.util.UUID;
import org.planwright.targetdb.ConnectionProfile;
import org.postgresql.Driver;

/**
 * A {@code jdbc:postgresql:} URL read the way PgJDBC reads it ({@link Driver#parseURL}), so that messages name
 * the host and port really used.
 *
 * @param url      the URL as given
 * @param host     the first host of the URL (PgJDBC's default: localhost)
 * @param port     its port (default 5432)
 * @param database the database name; null when the URL names none
 */
record PostgresUrl(String url, String host, int port, String database) {

    /**
     * @param url a JDBC URL
     * @return the parsed URL
     * @throws IllegalArgumentException when PgJDBC does not accept it (message without the URL, which may hold a
     *                                  password)
     */
    static PostgresUrl parse(String url) {
        Properties props = Driver.parseURL(url, new Properties());
        if (props == null) {
            throw new IllegalArgumentException("not a valid PostgreSQL JDBC URL");
        }
        String host = first(props.getProperty("PGHOST", "localhost"));
        String port = first(props.getProperty("PGPORT", "5432"));
        try {
            return new PostgresUrl(url, host, Integer.parseInt(port.strip()), props.getProperty("PGDBNAME"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port '" + port + "' is not a number");
        }
    }

    /**
     * @param user the user name, or null for the URL's or the driver's default
     * @return a profile that connects with this exact URL and names its host and port in messages
     */
    ConnectionProfile profile(String user) {
        return new ConnectionProfile(UUID.randomUUID(), "planwright explain", ConnectionProfile.Kind.POSTGRESQL, host,
                port, database, user, null, url);
    }

    private static String first(String commaList) {
        int comma = commaList.indexOf(',');
        return comma < 0 ? commaList : commaList.substring(0, comma);
    }
}
