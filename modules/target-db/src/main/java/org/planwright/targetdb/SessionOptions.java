package org.planwright.targetdb;

import java.time.Duration;
import java.util.Objects;

/**
 * How a session behaves. Immutable.
 *
 * @param connectTimeout   how long to wait for the TCP connection and login (PgJDBC {@code connectTimeout} and
 *                         {@code loginTimeout}, whole seconds, at least 1 s)
 * @param statementTimeout longest a statement may run ({@code SET statement_timeout}; H2 query timeout);
 *                         {@link Duration#ZERO} means no limit
 * @param readOnly         true for an analysis session: every transaction is read-only
 *                         ({@code SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY}; H2 opens the file with
 *                         {@code ACCESS_MODE_DATA=r}); only EXPLAIN ANALYZE of DML switches its own, always
 *                         rolled-back transaction to read-write
 * @param fetchSize        rows fetched per round trip when reading results (PgJDBC cursor mode), at least 1
 * @param applicationName  shown in {@code pg_stat_activity.application_name}
 * @throws IllegalArgumentException for negative durations or a fetch size below 1
 */
public record SessionOptions(Duration connectTimeout, Duration statementTimeout, boolean readOnly, int fetchSize,
                             String applicationName) {

    /** Default connect timeout: 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default statement timeout of analysis sessions: 5 minutes. */
    public static final Duration DEFAULT_ANALYSIS_TIMEOUT = Duration.ofMinutes(5);
    /** Default rows per fetch. */
    public static final int DEFAULT_FETCH_SIZE = 1000;

    public SessionOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (connectTimeout.isNegative() || statementTimeout.isNegative()) {
            throw new IllegalArgumentException("Timeouts must not be negative");
        }
        if (fetchSize < 1) {
            throw new IllegalArgumentException("Fetch size must be at least 1, not " + fetchSize);
        }
        applicationName = applicationName == null || applicationName.isBlank() ? "Planwright" : applicationName;
    }

    /** @return an analysis session: read-only, 5-minute statement timeout, 10 s connect timeout */
    public static SessionOptions analysis() {
        return new SessionOptions(DEFAULT_CONNECT_TIMEOUT, DEFAULT_ANALYSIS_TIMEOUT, true, DEFAULT_FETCH_SIZE,
                "Planwright");
    }

    /** @return a read-write session without statement timeout (the user runs what they typed) */
    public static SessionOptions readWrite() {
        return new SessionOptions(DEFAULT_CONNECT_TIMEOUT, Duration.ZERO, false, DEFAULT_FETCH_SIZE, "Planwright");
    }

    /** @param timeout the new statement timeout; ZERO for none @return a copy */
    public SessionOptions withStatementTimeout(Duration timeout) {
        return new SessionOptions(connectTimeout, timeout, readOnly, fetchSize, applicationName);
    }

    /** @param timeout the new connect timeout @return a copy */
    public SessionOptions withConnectTimeout(Duration timeout) {
        return new SessionOptions(timeout, statementTimeout, readOnly, fetchSize, applicationName);
    }

    /** @param rows rows per fetch @return a copy */
    public SessionOptions withFetchSize(int rows) {
        return new SessionOptions(connectTimeout, statementTimeout, readOnly, rows, applicationName);
    }

    /** @param readOnly whether transactions are read-only @return a copy */
    public SessionOptions withReadOnly(boolean readOnly) {
        return new SessionOptions(connectTimeout, statementTimeout, readOnly, fetchSize, applicationName);
    }

    /** @return the connect timeout in whole seconds, rounded up, at least 1 */
    int connectTimeoutSeconds() {
        return (int) Math.max(1, (connectTimeout.toMillis() + 999) / 1000);
    }
}
