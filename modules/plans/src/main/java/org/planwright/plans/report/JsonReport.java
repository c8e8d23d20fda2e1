package org.planwright.plans.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.planwright.plans.Insight;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.compare.Delta;
import org.planwright.plans.compare.NodePair;
import org.planwright.plans.compare.PlanChange;
import org.planwright.plans.compare.PlanComparison;
import org.planwright.plans.compare.PlanTotals;

/**
 * JSON reports written with Jackson's streaming generator, pretty-printed. The shapes are documented in
 * {@code docs/cli-json-output.md} ("planwright plan diff" and "Plan report JSON"): every field is always
 * present, {@code null} when it does not apply; times in ms ({@code ...Ms}), buffers in 8 kB blocks
 * ({@code ...Blocks}), costs in planner units; a ratio that is infinite (before was 0) is written as
 * {@code null}. Stateless and thread-safe.
 */
public final class JsonReport {

    /** Version of both shapes; goes up with any change that could break a consumer. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonReport() {
    }

    /** Something written with the generator. */
    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * @param r the plan, its name and insights
     * @return the report as one JSON object
     */
    public static String plan(PlanReport r) {
        return write(g -> writePlan(g, r));
    }

    /**
     * @param r the comparison and the plans' names
     * @return the report as one JSON object
     */
    public static String comparison(ComparisonReport r) {
        return write(g -> writeComparison(g, r));
    }

    /**
     * Writes the comparison report to {@code out} (left open, flushed).
     *
     * @throws UncheckedIOException when writing fails
     */
    public static void comparison(ComparisonReport r, Writer out) {
        write(out, g -> writeComparison(g, r));
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        write(out, body);
        return out.toString();
    }

    private static void write(Writer out, Body body) {
        try (JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            body.write(g);
            g.flush();
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePlan(JsonGenerator g, PlanReport r) throws IOException {
        Plan p = r.plan();
        g.writeStartObject();
        g.writeNumberField("formatVersion", FORMAT_VERSION);
        g.writeStringField("report", "plan");
        g.writeStringField("name", r.name());
        summary(g, p);
        g.writeStringField("query", r.queryToShow().orElse(null));
        g.writeArrayFieldStart("nodes");
        for (PlanNode n : p.nodes()) {
            node(g, n);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("insights");
        for (Insight i : r.insights()) {
            g.writeStartObject();
            g.writeStringField("kind", ReportLabels.kind(i.kind()));
            g.writeNumberField("score", i.score());
            g.writeNumberField("impact", i.impact());
            g.writeStringField("title", i.title());
            g.writeStringField("explanation", i.explanation());
            g.writeArrayFieldStart("nodeIds");
            for (int id : i.nodeIds()) {
                g.writeNumber(id);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("evidence");
            for (Map.Entry<String, Double> e : i.evidence().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, Plan p) throws IOException {
        g.writeStringField("format", p.format().name().toLowerCase(java.util.Locale.ROOT));
        g.writeBooleanField("analyzed", p.analyzed());
        g.writeNumberField("nodeCount", p.nodeCount());
        g.writeNumberField("totalCost", p.root().totalCost().orElse(0));
        optional(g, "planningTimeMs", p.planningTime());
        optional(g, "executionTimeMs", p.executionTime());
    }

    private static void node(JsonGenerator g, PlanNode n) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", n.id());
        if (n.parent().isPresent()) {
            g.writeNumberField("parentId", n.parent().get().id());
        } else {
            g.writeNullField("parentId");
        }
        g.writeStringField("nodeType", n.nodeType());
        g.writeStringField("name", ReportText.nodeName(n));
        g.writeStringField("relation", n.relationName().orElse(null));
        g.writeStringField("index", n.indexName().orElse(null));
        g.writeNumberField("exclusiveTimeMs", n.exclusiveTime());
        g.writeNumberField("inclusiveTimeMs", n.inclusiveTime());
        g.writeNumberField("executionShare", n.executionShare());
        g.writeNumberField("actualRows", n.totalActualRows());
        optional(g, "planRows", n.planRows());
        if (n.actualLoops().isPresent()) {
            g.writeNumberField("loops", n.actualLoops().getAsLong());
        } else {
            g.writeNullField("loops");
        }
        g.writeNumberField("totalCost", n.totalCost().orElse(0));
        g.writeNumberField("exclusiveCost", n.exclusiveCost());
        g.writeNumberField("sharedHitBlocks", n.exclusiveBuffers().sharedHit());
        g.writeNumberField("sharedReadBlocks", n.exclusiveBuffers().sharedRead());
        g.writeEndObject();
    }

    private static void writeComparison(JsonGenerator g, ComparisonReport r) throws IOException {
        PlanComparison c = r.comparison();
        g.writeStartObject();
        g.writeNumberField("formatVersion", FORMAT_VERSION);
        g.writeStringField("report", "plan-diff");
        side(g, "before", r.beforeName(), c.before());
        side(g, "after", r.afterName(), c.after());
        g.writeStringField("verdict", ReportLabels.token(c.verdict()));
        g.writeStringField("basis", ReportLabels.token(c.basis()));
        ratio(g, "ratio", c.ratio());
        g.writeNumberField("noiseFraction", PlanComparison.NOISE_FRACTION);
        g.writeBooleanField("sameShape", c.sameShape());
        PlanTotals t = c.totals();
        g.writeObjectFieldStart("totals");
        delta(g, "executionTimeMs", t.executionTime());
        delta(g, "planningTimeMs", t.planningTime());
        delta(g, "totalCost", t.totalCost());
        delta(g, "actualRows", t.actualRows());
        delta(g, "sharedHitBlocks", t.sharedHitBlocks());
        delta(g, "sharedReadBlocks", t.sharedReadBlocks());
        delta(g, "tempBlocks", t.tempBlocks());
        delta(g, "nodeCount", t.nodeCount());
        g.writeEndObject();
        g.writeArrayFieldStart("changes");
        for (PlanChange ch : c.changes()) {
            g.writeStartObject();
            g.writeStringField("kind", ReportLabels.kind(ch.kind()));
            id(g, "beforeNodeId", ch.beforeNodeId());
            id(g, "afterNodeId", ch.afterNodeId());
            g.writeStringField("description", ch.description());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("pairs");
        for (NodePair p : c.pairs()) {
            g.writeStartObject();
            g.writeNumberField("beforeNodeId", p.before().id());
            g.writeNumberField("afterNodeId", p.after().id());
            g.writeStringField("before", ReportText.nodeName(p.before()));
            g.writeStringField("after", ReportText.nodeName(p.after()));
            delta(g, "exclusiveTimeMs", p.exclusiveTime());
            delta(g, "inclusiveTimeMs", p.inclusiveTime());
            delta(g, "actualRows", p.actualRows());
            delta(g, "loops", p.loops());
            delta(g, "sharedHitBlocks", p.sharedHitBlocks());
            delta(g, "sharedReadBlocks", p.sharedReadBlocks());
            delta(g, "totalCost", p.totalCost());
            delta(g, "rowMisestimate", p.rowMisestimate());
            g.writeEndObject();
        }
        g.writeEndArray();
        unmatched(g, "onlyBefore", c.onlyBefore());
        unmatched(g, "onlyAfter", c.onlyAfter());
        g.writeEndObject();
    }

    private static void side(JsonGenerator g, String field, String name, Plan p) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("name", name);
        summary(g, p);
        g.writeStringField("query", p.queryText().orElse(null));
        g.writeEndObject();
    }

    private static void unmatched(JsonGenerator g, String field, List<PlanNode> nodes) throws IOException {
        g.writeArrayFieldStart(field);
        for (PlanNode n : nodes) {
            g.writeStartObject();
            g.writeNumberField("nodeId", n.id());
            g.writeStringField("name", ReportText.nodeName(n));
            g.writeNumberField("exclusiveTimeMs", n.exclusiveTime());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void delta(JsonGenerator g, String field, Delta d) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("before", d.before());
        g.writeNumberField("after", d.after());
        g.writeNumberField("difference", d.difference());
        ratio(g, "ratio", d.ratio());
        g.writeEndObject();
    }

    private static void ratio(JsonGenerator g, String field, double ratio) throws IOException {
        if (Double.isFinite(ratio)) {
            g.writeNumberField(field, ratio);
        } else {
            g.writeNullField(field);
        }
    }

    private static void id(JsonGenerator g, String field, int id) throws IOException {
        if (id >= 0) {
            g.writeNumberField(field, id);
        } else {
            g.writeNullField(field);
        }
    }

    private static void optional(JsonGenerator g, String field, java.util.OptionalDouble v) throws IOException {
        if (v.isPresent()) {
            g.writeNumberField(field, v.getAsDouble());
        } else {
            g.writeNullField(field);
        }
    }
}
