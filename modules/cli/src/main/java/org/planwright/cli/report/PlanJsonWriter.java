package org.planwright.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The JSON {@code planwright plan} report of {@code docs/cli-json-output.md}, streamed: {@code formatVersion},
 * {@code planwrightVersion}, {@code command} ("plan"), the {@code plans} array one element per {@link #plan}
 * call, then {@code summary}. Every field is always present (null when it does not apply).
 */
final class PlanJsonWriter implements PlanReportWriter {

    private final PrintWriter out;
    private final JsonGenerator json;

    PlanJsonWriter(PrintWriter out) {
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
    public void start(String planwrightVersion) {
        io(() -> {
            json.writeStartObject();
            json.writeNumberField("formatVersion", ReportWriter.FORMAT_VERSION);
            json.writeStringField("planwrightVersion", planwrightVersion);
            json.writeStringField("command", COMMAND);
            json.writeArrayFieldStart("plans");
        });
    }

    @Override
    public void plan(PlanFileResult result) {
        io(() -> json.writePOJO(result));
    }

    @Override
    public void finish(PlanRunSummary summary) {
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
