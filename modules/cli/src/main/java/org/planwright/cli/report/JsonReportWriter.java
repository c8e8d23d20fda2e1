package org.planwright.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The JSON report of {@code docs/cli-json-output.md}, streamed: the header fields, then the {@code statements}
 * array one element per {@link #statement} call, then {@code summary}. Every field is always present (null when
 * it does not apply), so consumers can rely on the keys.
 */
final class JsonReportWriter implements ReportWriter {

    private final PrintWriter out;
    private final JsonGenerator json;

    JsonReportWriter(PrintWriter out) {
        this.out = out;
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try {
            this.json = mapper.createGenerator(out).useDefaultPrettyPrinter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void start(ReportHeader header) {
        io(() -> {
            json.writeStartObject();
            json.writeNumberField("formatVersion", header.formatVersion());
            json.writeStringField("planwrightVersion", header.planwrightVersion());
            json.writePOJOField("connection", header.connection());
            json.writePOJOField("options", header.options());
            json.writeArrayFieldStart("statements");
        });
    }

    @Override
    public void statement(StatementResult result) {
        io(() -> json.writePOJO(result));
    }

    @Override
    public void finish(Summary summary) {
        io(() -> {
            json.writeEndArray();
            json.writePOJOField("summary", summary);
            json.writeEndObject();
        });
        out.println();
        out.flush();
    }

    private void io(IoAction action) {
        try {
            action.run();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
