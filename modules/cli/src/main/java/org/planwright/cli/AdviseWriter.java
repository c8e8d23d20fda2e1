package org.planwright.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.planwright.cli.report.ReportFormat;

/**
 * Writes an {@link AdviseReport}: text and Markdown with the workload's figures, JSON as the contract — a
 * top-level array of the recommendations only (each carrying its own figures; docs/cli-json-output.md). Stateless.
 */
final class AdviseWriter {

    private AdviseWriter() {
    }

    static void write(AdviseReport report, ReportFormat format, PrintWriter out) {
        switch (format) {
            case JSON -> json(report, out);
            case MARKDOWN -> markdown(report, out);
            default -> text(report, out);
        }
        out.flush();
    }

    private static void json(AdviseReport report, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try {
            mapper.writeValue(out, report.recommendations());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void text(AdviseReport r, PrintWriter out) {
        AdviseReport.Workload w = r.workload();
        out.printf(Locale.ROOT, "Index advice for %d statement(s) on %s (PostgreSQL %s)%n", w.statements(),
                r.connection().url(), r.connection().serverVersion());
        out.printf(Locale.ROOT, "Method: %s; %d candidates, %d what-if EXPLAINs, %.1f s%n", r.method(), w.candidates(),
                w.explainCalls(), w.adviceMillis() / 1000.0);
        if (r.lockNote() != null) {
            out.println("Locks: " + r.lockNote());
        }
        if (r.trial() != null) {
            out.println("Trial: " + r.trial());
        }
        out.printf(Locale.ROOT, "Estimated: %d index(es), %s; geometric mean of plan cost ratios %.2f%n",
                r.recommendations().stream().filter(i -> i.kind().equals("index")).count(), bytes(w.indexBytes()),
                w.geomeanCostRatio());
        AdviseReport.WorkloadTrialSummary wt = r.workloadTrial();
        if (wt != null) {
            out.println("Measured: " + AdviseWorkloadTrial.summaryLine(wt));
            for (AdviseReport.TrialStatement s : wt.statements()) {
                out.printf(Locale.ROOT, "   %-12s %s -> %s  %s%s%n", s.label(), ms(s.beforeMs(), s.beforeCapped()),
                        ms(s.afterMs(), s.afterCapped()), s.change(),
                        s.indexesUsed().isEmpty() ? "" : " (uses " + String.join(", ", s.indexesUsed()) + ")");
                if (s.boundParameters() != null) {
                    out.println("                timed with " + values(s.boundParameters()));
                }
            }
            for (AdviseReport.Rejected x : wt.rejected()) {
                out.println("Dropped by the trial: " + x.title() + ": " + x.reason());
            }
        }
        out.println();
        int n = 0;
        for (AdviseReport.Item i : r.recommendations()) {
            out.printf(Locale.ROOT, "%d. [%s] %s%n", ++n, i.kind(), i.title());
            if (i.workloadTrial() != null) {
                AdviseReport.IndexTrial t = i.workloadTrial();
                out.printf(Locale.ROOT, "   measured on the workload: %s (statements using it: %.3f -> %.3f s; "
                                + "faster: %s)%n", t.measuredImprovementPercent() == null ? "no statement used it"
                                : String.format(Locale.ROOT, "%.1f %% faster", t.measuredImprovementPercent()),
                        t.beforeMs() / 1000, t.afterMs() / 1000,
                        t.helped().isEmpty() ? "none" : String.join(", ", t.helped()));
                if (t.warning() != null) {
                    out.println("   warning: " + t.warning());
                }
            }
            out.printf(Locale.ROOT, "   estimated improvement %.1f %% (confidence %.1f): %s%n",
                    i.estimatedImprovementPercent(), i.confidence(), i.method());
            if (i.indexSizeBytes() != null) {
                out.println("   size: " + bytes(i.indexSizeBytes()));
            }
            out.println("   apply: " + i.sql());
            out.println("   undo:  " + i.undoSql());
            if (i.trial() != null) {
                AdviseReport.Trial t = i.trial();
                out.println(t.skipped() != null ? "   trial: " + t.skipped() : String.format(Locale.ROOT,
                        "   trial on %s: %.1f %% faster (median %.3f -> %.3f ms, %d runs each, Mann-Whitney p = %.3g%s)",
                        t.statement(), t.actualImprovementPercent(), t.beforeMedianMs(), t.afterMedianMs(), t.runs(),
                        t.pValue(), t.significant() ? ", significant" : ", not significant"));
            }
            if (i.trial() != null && i.trial().boundParameters() != null) {
                out.println("   trial values: " + values(i.trial().boundParameters()));
            }
            if (i.costedWith() != null) {
                for (AdviseReport.CostedWith c : i.costedWith()) {
                    out.println("   costed " + c.statement() + " with " + values(c.boundParameters()));
                }
            }
            for (AdviseReport.Fact e : i.evidence()) {
                out.println("   - " + e.label() + ": " + e.detail());
            }
        }
        if (r.recommendations().isEmpty()) {
            out.println("No index cuts a statement's estimated cost enough to recommend it.");
        }
        for (AdviseReport.Skipped s : r.skipped()) {
            out.println("Skipped " + s.label() + ": " + s.reason());
        }
    }

    private static void markdown(AdviseReport r, PrintWriter out) {
        AdviseReport.Workload w = r.workload();
        out.println("# Index advice");
        out.println();
        out.printf(Locale.ROOT, "%d statement(s) on `%s` (PostgreSQL %s). %s; %d candidates, %d what-if EXPLAINs, "
                        + "%.1f s. Recommended indexes: %s, geometric mean of plan cost ratios %.2f.%n",
                w.statements(), r.connection().url(), r.connection().serverVersion(), r.method(), w.candidates(),
                w.explainCalls(), w.adviceMillis() / 1000.0, bytes(w.indexBytes()), w.geomeanCostRatio());
        if (r.lockNote() != null) {
            out.println();
            out.println("> " + r.lockNote());
        }
        if (r.trial() != null) {
            out.println();
            out.println("> Trial: " + r.trial());
        }
        AdviseReport.WorkloadTrialSummary wt = r.workloadTrial();
        if (wt != null) {
            out.println();
            out.println("Measured: " + AdviseWorkloadTrial.summaryLine(wt) + ".");
            for (AdviseReport.Rejected x : wt.rejected()) {
                out.println();
                out.println("- Dropped by the trial: `" + x.sql() + "` — " + x.reason());
            }
        }
        out.println();
        out.println("| # | kind | recommendation | estimated improvement | size | helps | measured |");
        out.println("|---|---|---|---|---|---|---|");
        int n = 0;
        for (AdviseReport.Item i : r.recommendations()) {
            AdviseReport.Trial t = i.trial();
            AdviseReport.IndexTrial it = i.workloadTrial();
            String measured = it != null ? (it.measuredImprovementPercent() == null ? "unused" : String.format(
                    Locale.ROOT, "%.1f %% (%s: %.3f -> %.3f s)", it.measuredImprovementPercent(),
                    String.join(", ", it.statements().stream().map(AdviseReport.TrialStatement::label).toList()),
                    it.beforeMs() / 1000, it.afterMs() / 1000)) + (it.warning() == null ? "" : "; " + it.warning())
                    : t == null ? "" : t.skipped() != null ? "not tried" : String.format(Locale.ROOT,
                    "%.1f %% (p = %.3g)", t.actualImprovementPercent(), t.pValue());
            out.printf(Locale.ROOT, "| %d | %s | `%s` | %.1f %% | %s | %s | %s |%n", ++n, i.kind(), i.sql().replace("|", "\\|"),
                    i.estimatedImprovementPercent(), i.indexSizeBytes() == null ? "" : bytes(i.indexSizeBytes()),
                    String.join(", ", i.helps()), measured);
        }
        out.println();
        Map<String, AdviseReport.TrialStatement> measured = new HashMap<>();
        if (wt != null) {
            wt.statements().forEach(s -> measured.put(s.label(), s));
            out.println("| statement | plan cost before | after | measured before | after | change |");
            out.println("|---|---|---|---|---|---|");
        } else {
            out.println("| statement | plan cost before | after |");
            out.println("|---|---|---|");
        }
        for (AdviseReport.StatementCost s : r.statements()) {
            AdviseReport.TrialStatement m = measured.get(s.label());
            out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f |%s%n", s.label(), s.costBefore(), s.costAfter(),
                    wt == null ? "" : m == null ? " | | |" : " " + ms(m.beforeMs(), m.beforeCapped()) + " | "
                            + ms(m.afterMs(), m.afterCapped()) + " | " + m.change() + " |");
        }
        for (AdviseReport.Skipped s : r.skipped()) {
            out.printf(Locale.ROOT, "| %s | skipped: %s | |%n", s.label(), s.reason().replace("|", "\\|"));
        }
    }

    /** @return "$1 = 'x' (most-common-values), ..." */
    private static String values(java.util.List<AdviseReport.BoundValue> values) {
        return String.join(", ", values.stream().map(v -> "$" + v.number() + " = " + v.literal() + " ("
                + v.source() + ")").toList());
    }

        private static String ms(Double v, boolean capped) {
        return v == null ? "-" : String.format(Locale.ROOT, "%s%.3f s", capped ? ">=" : "", v / 1000);
    }

    static String bytes(long b) {
        return b >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", b / 1048576.0)
                : String.format(Locale.ROOT, "%,d kB", (b + 1023) / 1024);
    }
}
