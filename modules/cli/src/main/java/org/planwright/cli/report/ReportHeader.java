package org.planwright.cli.report;

/**
 * What a report starts with.
 *
 * @param formatVersion      the JSON format's version, {@link org.planwright.plans.report.JsonReport#FORMAT_VERSION} (one version for every JSON shape)
 * @param planwrightVersion  the CLI's version, e.g. "0.1.0-SNAPSHOT"
 * @param connection         where the statements ran
 * @param options            how they were explained
 */
public record ReportHeader(int formatVersion, String planwrightVersion, ConnectionInfo connection,
                           RunOptions options) {
}
