package org.planwright.cli.report;

import java.io.PrintWriter;

/**
 * The JSON report of {@code docs/cli-json-output.md}, streamed: the header fields, then the {@code statements}
 * array one element per {@link #statement} call, then {@code summary}. Every field is always present (null when
 * it does not apply), so consumers can rely on the keys.
 */
final class JsonReportWriter implements ReportWriter {

    private final JsonReportStream stream;

    JsonReportWriter(PrintWriter out) {
        this.stream = new JsonReportStream(out);
    }

    @Override
    public void start(ReportHeader header) {
        stream.start(json -> {
            json.writeNumberField("formatVersion", header.formatVersion());
            json.writeStringField("planwrightVersion", header.planwrightVersion());
            json.writePOJOField("connection", header.connection());
            json.writePOJOField("options", header.options());
        }, "statements");
    }

    @Override
    public void statement(StatementResult result) {
        stream.element(result);
    }

    @Override
    public void finish(Summary summary) {
        stream.finish(summary);
    }
}
