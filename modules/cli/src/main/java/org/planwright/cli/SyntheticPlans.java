package org.planwright.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Builds {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} text of chosen sizes for {@code planwright bench}, with
 * Jackson's streaming generator. Nodes carry the fields a real server writes: costs, plan rows and width,
 * actual startup/total time (ms per loop), actual rows, loops, shared hit/read blocks (8 kB), relation names,
 * filters and rows removed, join conditions. Times shrink from the root down so that exclusive times are
 * positive. Stateless and thread-safe.
 */
final class SyntheticPlans {

    private static final JsonFactory JSON = new JsonFactory();

    private SyntheticPlans() {
    }

    /**
     * A partitioned-table scan: an Append over {@code partitions} Seq Scans (one per partition, with a Filter).
     *
     * @param partitions number of Seq Scans, at least 1
     * @return the JSON text; {@code partitions + 1} nodes
     */
    static String appendOverSeqScans(int partitions) {
        return plan(partitions * 2.0 + 0.5, g -> {
            node(g, "Append", null, 0, partitions * 1_000.0, partitions * 1_000, partitions * 2.0, 1, 0);
            g.writeArrayFieldStart("Plans");
            for (int i = 0; i < partitions; i++) {
                seqScan(g, "measurement_p" + i, 1.9, 1_000, i);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * A wide join plan: Aggregate over an Append of Hash Joins (each a Seq Scan probed against a Hash of a
     * Seq Scan), padded with Seq Scans under the Append to reach exactly {@code nodes} nodes.
     *
     * @param nodes total node count, at least 3
     * @return the JSON text; exactly {@code nodes} nodes
     */
    static String joins(int nodes) {
        int joins = (nodes - 2) / 4;
        int padding = nodes - 2 - 4 * joins;
        double total = (joins + padding) * 4.0;
        return plan(total + 2.5, g -> {
            node(g, "Aggregate", null, total + 1, total * 10.0, 1, total + 2, 1, 0);
            g.writeStringField("Strategy", "Plain");
            g.writeArrayFieldStart("Plans");
            node(g, "Append", "Outer", 0, total * 10.0, (joins + padding) * 500L, total, 1, 0);
            g.writeArrayFieldStart("Plans");
            for (int i = 0; i < joins; i++) {
                node(g, "Hash Join", "Member", 30.0, 1_200.0, 500, 3.9, 1, 0);
                g.writeStringField("Join Type", "Inner");
                g.writeStringField("Hash Cond", "(o" + i + ".customer_id = c" + i + ".customer_id)");
                g.writeArrayFieldStart("Plans");
                seqScan(g, "orders_" + i, 1.5, 2_000, i);
                node(g, "Hash", "Inner", 25.0, 25.0, 800, 0.8, 1, 0);
                g.writeNumberField("Hash Buckets", 1024);
                g.writeNumberField("Peak Memory Usage", 64);
                g.writeArrayFieldStart("Plans");
                seqScan(g, "customer_" + i, 0.6, 800, i);
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            for (int i = 0; i < padding; i++) {
                seqScan(g, "padding_" + i, 1.0, 100, i);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void seqScan(JsonGenerator g, String table, double ms, long rows, int i) throws IOException {
        node(g, "Seq Scan", "Member", 0, rows * 0.02 + 10, rows, ms, 1, 20 + i % 7);
        g.writeStringField("Relation Name", table);
        g.writeStringField("Schema", "public");
        g.writeStringField("Alias", table);
        g.writeStringField("Filter", "(status = 'open'::text)");
        g.writeNumberField("Rows Removed by Filter", rows / 4 + i % 13);
        g.writeEndObject();
    }

    /** Writes the common fields of a node and leaves its object open. */
    private static void node(JsonGenerator g, String type, String parent, double startupCost, double totalCost,
                             long rows, double totalMs, long loops, long readBlocks) throws IOException {
        g.writeStartObject();
        g.writeStringField("Node Type", type);
        if (parent != null) {
            g.writeStringField("Parent Relationship", parent);
        }
        g.writeBooleanField("Parallel Aware", false);
        g.writeBooleanField("Async Capable", false);
        g.writeNumberField("Startup Cost", startupCost);
        g.writeNumberField("Total Cost", totalCost);
        g.writeNumberField("Plan Rows", rows);
        g.writeNumberField("Plan Width", 36);
        g.writeNumberField("Actual Startup Time", Math.min(0.012, totalMs));
        g.writeNumberField("Actual Total Time", totalMs);
        g.writeNumberField("Actual Rows", rows);
        g.writeNumberField("Actual Loops", loops);
        g.writeNumberField("Shared Hit Blocks", 10 + readBlocks * 3);
        g.writeNumberField("Shared Read Blocks", readBlocks);
        g.writeNumberField("Shared Dirtied Blocks", 0);
        g.writeNumberField("Shared Written Blocks", 0);
        g.writeNumberField("Temp Read Blocks", 0);
        g.writeNumberField("Temp Written Blocks", 0);
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** {@code [ { "Plan": <root>, "Planning Time": ..., "Triggers": [], "Execution Time": ... } ]} */
    private static String plan(double executionMs, Body root) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            g.writeStartObject();
            g.writeFieldName("Plan");
            root.write(g);
            g.writeNumberField("Planning Time", 4.321);
            g.writeArrayFieldStart("Triggers");
            g.writeEndArray();
            g.writeNumberField("Execution Time", executionMs);
            g.writeEndObject();
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
