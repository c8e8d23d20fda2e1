package org.planwright.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.planwright.workload.IndexCounters;
import org.planwright.workload.LoadHistory;
import org.planwright.workload.StatementFigures;
import org.planwright.workload.TableCounters;
import org.planwright.workload.WorkloadReport;

/**
 * Writes a {@link WorkloadReport} (and, from stored windows, its {@link LoadHistory}) as text, Markdown or JSON
 * (the JSON shape is documented in docs/cli-json-output.md, "workload").
 */
final class WorkloadReportWriters {

    private static final int QUERY_WIDTH = 70;

    private WorkloadReportWriters() {
    }

    static void text(PrintWriter out, String source, WorkloadReport r, LoadHistory history) {
        out.println("Workload of " + source + ": " + windowText(r));
        out.printf(Locale.ROOT, "Class: %s (confidence %.2f)%n", r.classification().workloadClass(),
                r.classification().confidence());
        for (String reason : r.classification().reasons()) {
            out.println("  - " + reason);
        }
        out.println("Read/write: " + readWriteText(r));
        out.printf(Locale.ROOT, "Statements: %,d with %,d calls, %,.0f ms execution; cache hit ratio %.1f%%; "
                + "temp written %,d blocks%n", r.statementCount(), r.totalCalls(), r.totalExecMs(),
                100 * r.cacheHitRatio(), r.tempBlksWritten());
        table(out, "Top by total time", r.topByTotalTime(), false);
        table(out, "Top by mean time", r.topByMeanTime(), false);
        table(out, "Top by I/O (shared blocks read + temp blocks)", r.topByIo(), false);
        tables(out, r, false);
        if (history != null) {
            historyText(out, history, false);
        }
    }

    static void markdown(PrintWriter out, String source, WorkloadReport r, LoadHistory history) {
        out.println("# Workload of " + source);
        out.println();
        out.println("Window: " + windowText(r));
        out.println();
        out.printf(Locale.ROOT, "**Class: %s** (confidence %.2f)%n%n", r.classification().workloadClass(),
                r.classification().confidence());
        for (String reason : r.classification().reasons()) {
            out.println("- " + reason);
        }
        out.println();
        out.println("Read/write: " + readWriteText(r));
        out.println();
        table(out, "Top by total time", r.topByTotalTime(), true);
        table(out, "Top by mean time", r.topByMeanTime(), true);
        table(out, "Top by I/O", r.topByIo(), true);
        tables(out, r, true);
        if (history != null) {
            historyText(out, history, true);
        }
    }

    static void json(PrintWriter out, String source, WorkloadReport r, LoadHistory history) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("source", source);
        root.put("windowStart", r.window().start().equals(Instant.EPOCH) ? null : r.window().start().toString());
        root.put("windowEnd", r.window().end().toString());
        root.put("statementCount", r.statementCount());
        root.put("totalCalls", r.totalCalls());
        root.put("totalExecMs", r.totalExecMs());
        root.put("cacheHitRatio", r.cacheHitRatio());
        root.put("tempBlksWritten", r.tempBlksWritten());
        ObjectNode cls = root.putObject("classification");
        cls.put("class", r.classification().workloadClass().name().toLowerCase(Locale.ROOT));
        cls.put("confidence", r.classification().confidence());
        cls.put("analyticShare", r.classification().analyticShare());
        cls.put("shortShare", r.classification().shortShare());
        ArrayNode reasons = cls.putArray("reasons");
        r.classification().reasons().forEach(reasons::add);
        ObjectNode rw = root.putObject("readWrite");
        rw.put("readCalls", r.readWrite().readCalls());
        rw.put("writeCalls", r.readWrite().writeCalls());
        if (Double.isNaN(r.readWrite().readShare())) {
            rw.putNull("readShare");
        } else {
            rw.put("readShare", r.readWrite().readShare());
        }
        rw.put("verdict", WorkloadCommand.lower(r.readWrite().verdict()));
        statements(root.putArray("topByTotalTime"), r.topByTotalTime());
        statements(root.putArray("topByMeanTime"), r.topByMeanTime());
        statements(root.putArray("topByIo"), r.topByIo());
        ArrayNode scans = root.putArray("scanHeavyTables");
        for (TableCounters t : r.scanHeavyTables()) {
            scans.add(tableJson(mapper, t));
        }
        ArrayNode written = root.putArray("writtenTables");
        for (TableCounters t : r.writtenTables()) {
            written.add(tableJson(mapper, t));
        }
        ArrayNode unused = root.putArray("unusedIndexes");
        for (IndexCounters i : r.unusedIndexes()) {
            unused.addObject().put("schema", i.schema()).put("table", i.table()).put("index", i.index());
        }
        if (history != null) {
            ObjectNode h = root.putObject("history");
            h.put("windows", history.points().size());
            ArrayNode hours = h.putArray("busiestHoursOfDay");
            for (Map.Entry<Integer, Double> e : history.busiestHoursOfDay(3)) {
                hours.addObject().put("hour", e.getKey()).put("averageActive", e.getValue());
            }
            history.changePoint().ifPresent(c -> h.putObject("shift").put("at", c.at().toString())
                    .put("pValue", c.pValue()).put("significant", c.significant())
                    .put("meanBefore", c.meanBefore()).put("meanAfter", c.meanAfter()));
            ArrayNode forecast = h.putArray("forecast");
            for (LoadHistory.HourForecast f : history.forecastNextDay()) {
                ObjectNode o = forecast.addObject().put("hour", f.hour().toString()).put("averageActive", f.averageActive());
                if (!Double.isNaN(f.low())) {
                    o.put("low", f.low()).put("high", f.high());
                }
            }
        }
        out.println(root.toPrettyString());
    }

    private static void statements(ArrayNode array, List<StatementFigures> figures) {
        for (StatementFigures f : figures) {
            array.addObject()
                    .put("queryId", f.counters().key().queryId())
                    .put("database", f.counters().database())
                    .put("query", f.query())
                    .put("access", f.access().name().toLowerCase(Locale.ROOT))
                    .put("calls", f.calls())
                    .put("totalExecMs", f.totalExecMs())
                    .put("meanExecMs", f.meanExecMs())
                    .put("stddevExecMs", f.stddevExecMs())
                    .put("rowsPerCall", f.rowsPerCall())
                    .put("hitRatio", f.hitRatio())
                    .put("tempBlksWritten", f.tempBlksWritten())
                    .put("ioBlocks", f.ioBlocks())
                    .put("shareOfTotal", f.shareOfTotal());
        }
    }

    private static ObjectNode tableJson(ObjectMapper mapper, TableCounters t) {
        return mapper.createObjectNode().put("schema", t.schema()).put("table", t.table())
                .put("seqScan", t.seqScan()).put("seqTupRead", t.seqTupRead()).put("idxScan", t.idxScan())
                .put("rowsInserted", t.nTupIns()).put("rowsUpdated", t.nTupUpd()).put("rowsDeleted", t.nTupDel())
                .put("liveRows", t.nLiveTup()).put("deadRows", t.nDeadTup());
    }

    private static void tables(PrintWriter out, WorkloadReport r, boolean markdown) {
        if (r.window().tables().isEmpty()) {
            return;
        }
        out.println();
        out.println((markdown ? "## " : "") + "Tables most read by sequential scans" + (markdown ? "\n" : ":"));
        for (TableCounters t : r.scanHeavyTables()) {
            out.printf(Locale.ROOT, "%s%s: %,d rows in %,d sequential scans (%,d index scans), %,d live rows%n",
                    markdown ? "- " : "  ", t.qualifiedName(), t.seqTupRead(), t.seqScan(), t.idxScan(), t.nLiveTup());
        }
        out.println();
        out.println((markdown ? "## " : "") + "Most written tables" + (markdown ? "\n" : ":"));
        for (TableCounters t : r.writtenTables()) {
            out.printf(Locale.ROOT, "%s%s: %,d inserted, %,d updated (%,d HOT), %,d deleted; %,d dead rows%n",
                    markdown ? "- " : "  ", t.qualifiedName(), t.nTupIns(), t.nTupUpd(), t.nTupHotUpd(), t.nTupDel(),
                    t.nDeadTup());
        }
        out.println();
        out.println((markdown ? "## " : "") + "Indexes not scanned in the window" + (markdown ? "\n" : ":"));
        if (r.unusedIndexes().isEmpty()) {
            out.println(markdown ? "(none)" : "  (none)");
        }
        for (IndexCounters i : r.unusedIndexes()) {
            out.println((markdown ? "- " : "  ") + i.qualifiedName() + " on " + i.table());
        }
    }

    private static String windowText(WorkloadReport r) {
        if (r.window().start().equals(Instant.EPOCH)) {
            return "everything since the statistics were last reset (up to " + r.window().end() + ")";
        }
        return r.window().start() + " .. " + r.window().end() + " (" + r.window().length().toMinutes() + " min)";
    }

    private static String readWriteText(WorkloadReport r) {
        if (Double.isNaN(r.readWrite().readShare())) {
            return "no reads or writes";
        }
        return String.format(Locale.ROOT, "%.0f%% of %,d calls read (%,d reads, %,d writes): %s",
                100 * r.readWrite().readShare(), r.readWrite().readCalls() + r.readWrite().writeCalls(),
                r.readWrite().readCalls(), r.readWrite().writeCalls(), WorkloadCommand.lower(r.readWrite().verdict()));
    }

    private static void table(PrintWriter out, String title, List<StatementFigures> rows, boolean markdown) {
        out.println();
        if (markdown) {
            out.println("## " + title);
            out.println();
            out.println("| total ms | share | calls | mean ms | stddev ms | rows/call | hit % | temp blks | query |");
            out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        } else {
            out.println(title + ":");
            out.printf(Locale.ROOT, "  %12s %6s %10s %10s %10s %9s %6s %9s  %s%n", "total ms", "share", "calls",
                    "mean ms", "stddev ms", "rows/call", "hit %", "temp blks", "query");
        }
        if (rows.isEmpty()) {
            out.println(markdown ? "| | | | | | | | | (none) |" : "  (none)");
            return;
        }
        for (StatementFigures f : rows) {
            String q = oneLine(f.query());
            if (markdown) {
                out.printf(Locale.ROOT, "| %,.1f | %.1f%% | %,d | %,.2f | %,.2f | %,.1f | %.1f | %,d | `%s` |%n",
                        f.totalExecMs(), 100 * f.shareOfTotal(), f.calls(), f.meanExecMs(), f.stddevExecMs(),
                        f.rowsPerCall(), 100 * f.hitRatio(), f.tempBlksWritten(), q.replace("|", "\\|").replace("`", "'"));
            } else {
                out.printf(Locale.ROOT, "  %,12.1f %5.1f%% %,10d %,10.2f %,10.2f %,9.1f %6.1f %,9d  %s%n",
                        f.totalExecMs(), 100 * f.shareOfTotal(), f.calls(), f.meanExecMs(), f.stddevExecMs(),
                        f.rowsPerCall(), 100 * f.hitRatio(), f.tempBlksWritten(), q);
            }
        }
    }

    private static void historyText(PrintWriter out, LoadHistory history, boolean markdown) {
        out.println();
        out.println((markdown ? "## " : "") + "History: " + history.points().size() + " stored windows");
        out.println(markdown ? "" : "");
        StringBuilder peaks = new StringBuilder("Busiest hours of the day:");
        for (Map.Entry<Integer, Double> e : history.busiestHoursOfDay(3)) {
            peaks.append(String.format(Locale.ROOT, " %02d:00 (%.2f active)", e.getKey(), e.getValue()));
        }
        out.println(peaks);
        history.changePoint().ifPresentOrElse(c -> out.printf(Locale.ROOT,
                "Workload shift: %s at %s (Pettitt p = %.3g): %.2f -> %.2f average active statements%n",
                c.significant() ? "yes" : "none significant", c.at(), c.pValue(), c.meanBefore(), c.meanAfter()),
                () -> out.println("Workload shift: too little history (fewer than 8 hours)"));
        List<LoadHistory.HourForecast> forecast = history.forecastNextDay();
        if (forecast.isEmpty()) {
            out.println("Forecast: needs at least a day of history");
        } else {
            LoadHistory.HourForecast peak = forecast.stream()
                    .max(java.util.Comparator.comparingDouble(LoadHistory.HourForecast::averageActive)).orElseThrow();
            out.printf(Locale.ROOT, "Forecast for the next 24 hours: busiest at %s with %.2f average active "
                    + "statements%n", peak.hour(), peak.averageActive());
        }
    }

    private static String oneLine(String query) {
        String q = query.replaceAll("\\s+", " ").strip();
        return q.length() > QUERY_WIDTH ? q.substring(0, QUERY_WIDTH - 3) + "..." : q;
    }
}
