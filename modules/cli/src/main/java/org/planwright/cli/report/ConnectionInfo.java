package org.planwright.cli.report;

/**
 * Where the statements were explained.
 *
 * @param url           the connection as given (libpq URI, keyword=value string or JDBC URL) without its password,
 *                      or the keywords resolved from the environment when no --url was given
 * @param user          the user name connected as; null when the URL or driver default chose it
 * @param serverVersion the server's {@code server_version}, e.g. "18.1"; null when unknown
 */
public record ConnectionInfo(String url, String user, String serverVersion) {
}
