package org.planwright.cli.report;

import java.io.PrintWriter;
import org.planwright.plans.report.JsonReport;

/**
 * The JSON {@code planwright plan} report of {@code docs/cli-json-output.md}, streamed: {@code formatVersion},
 * {@code planwrightVersion}, {@code command} ("plan"), the {@code plans} array one element per {@link #plan}
 * call, then {@code summary}. Every field is always present (null when it does not apply).
 */
final class PlanJsonWriter implements PlanReportWriter {

    private final JsonReportStream stream;

    PlanJsonWriter(PrintWriter out) {
        this.stream = new JsonReportStream(out);
    }

    @Override
    public void start(String planwrightVersion) {
        stream.start(json -> {
            json.writeNumberField("formatVersion", JsonReport.FORMAT_VERSION);
            json.writeStringField("planwrightVersion", planwrightVersion);
            json.writeStringField("command", COMMAND);
        }, "plans");
    }

    @Override
    public void plan(PlanFileResult result) {
        stream.element(result);
    }

    @Override
    public void finish(PlanRunSummary summary) {
        stream.finish(summary);
    }
}
