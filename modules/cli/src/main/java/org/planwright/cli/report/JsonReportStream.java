package org.planwright.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * One JSON report object streamed as work goes on: header fields, then one array filled element by element, then
 * {@code summary} (the shape both reports of {@code docs/cli-json-output.md} share). Pretty-printed; flushed after
 * every element so a long run shows progress. Not thread-safe.
 */
final class JsonReportStream {

    /** Something written with the generator: header fields, an element, the closing part. */
    @FunctionalInterface
    interface GeneratorAction {
        void write(JsonGenerator json) throws IOException;
    }

    private final PrintWriter out;
    private final JsonGenerator json;

    JsonReportStream(PrintWriter out) {
        this.out = out;
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try {
            this.json = mapper.createGenerator(out).useDefaultPrettyPrinter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the object, writes {@code header}, opens the array {@code arrayName}. */
    void start(GeneratorAction header, String arrayName) {
        io(g -> {
            g.writeStartObject();
            header.write(g);
            g.writeArrayFieldStart(arrayName);
        });
    }

    /** Writes one array element (a report record, serialized by Jackson). */
    void element(Object value) {
        io(g -> g.writePOJO(value));
    }

    /** Closes the array, writes {@code summary}, closes the object and ends the line. */
    void finish(Object summary) {
        io(g -> {
            g.writeEndArray();
            g.writePOJOField("summary", summary);
            g.writeEndObject();
        });
        out.println();
        out.flush();
    }

    private void io(GeneratorAction action) {
        try {
            action.write(json);
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
