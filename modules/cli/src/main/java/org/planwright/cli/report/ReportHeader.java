package org.planwright.cli.report;

/**
 * What a report starts with.
 *
 * @param formatVersion      the JSON format's version, {@link ReportWriter#FORMAT_VERSION}
 * @param planwrightVersion  the CLI's version, e.g. "0.1.0-SNAPSHOT"
 * @param connection         where the statements ran
 * @param options            how they were explained
 */
public record ReportHeader(int formatVersion, String planwrightVersion, ConnectionInfo connection,
                           RunOptions options) {
}
