package org.planwright.workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.planwright.sqltext.SqlStatement;
import org.planwright.sqltext.StatementKind;

/**
 * Turns a window of statement counters into a {@link WorkloadReport}: per-statement figures, the top statements
 * by total time, mean time and I/O, the read/write ratio, the classification, and from the table and index
 * counters the tables most read by sequential scans, the most written tables and the indexes not scanned. Statements Planwright itself
 * sent to read the statistics (marked {@value #OWN_MARKER}) are left out. Thread-safe (no state).
 */
public final class WorkloadAnalyzer {

    /** Comment that marks Planwright's own statistics queries, so that they never count as workload. */
    public static final String OWN_MARKER = "planwright:workload";

    private final WorkloadClassifier classifier = new WorkloadClassifier();

    /**
     * @param window the window to analyse
     * @param topN   how many statements each top list holds, at least 1
     * @return the report
     * @throws IllegalArgumentException when {@code topN < 1}
     */
    public WorkloadReport analyze(WorkloadWindow window, int topN) {
        if (topN < 1) {
            throw new IllegalArgumentException("topN must be at least 1: " + topN);
        }
        List<StatementCounters> statements = window.statements().stream()
                .filter(s -> s.calls() > 0 && !s.query().contains(OWN_MARKER)).toList();
        double total = statements.stream().mapToDouble(StatementCounters::totalExecMs).sum();
        List<StatementFigures> figures = new ArrayList<>();
        long reads = 0;
        long writes = 0;
        long calls = 0;
        long hit = 0;
        long read = 0;
        long temp = 0;
        for (StatementCounters s : statements) {
            StatementFigures.Access access = access(s.query());
            figures.add(new StatementFigures(s, access, total <= 0 ? 0 : s.totalExecMs() / total));
            if (access == StatementFigures.Access.READ) {
                reads += s.calls();
            } else if (access == StatementFigures.Access.WRITE) {
                writes += s.calls();
            }
            calls += s.calls();
            hit += s.sharedBlksHit();
            read += s.sharedBlksRead();
            temp += s.tempBlksWritten();
        }
        return new WorkloadReport(window, statements.size(), calls, total,
                top(figures, Comparator.comparingDouble(StatementFigures::totalExecMs), topN),
                top(figures, Comparator.comparingDouble(StatementFigures::meanExecMs), topN),
                top(figures.stream().filter(f -> f.ioBlocks() > 0).toList(),
                        Comparator.comparingLong(StatementFigures::ioBlocks), topN),
                ReadWriteRatio.of(reads, writes), classifier.classify(statements),
                hit + read == 0 ? 1 : (double) hit / (hit + read), temp,
                window.tables().stream().filter(t -> t.seqTupRead() > 0)
                        .sorted(Comparator.comparingLong(TableCounters::seqTupRead).reversed()
                                .thenComparing(TableCounters::qualifiedName)).limit(topN).toList(),
                window.tables().stream().filter(t -> t.rowsWritten() > 0)
                        .sorted(Comparator.comparingLong(TableCounters::rowsWritten).reversed()
                                .thenComparing(TableCounters::qualifiedName)).limit(topN).toList(),
                window.indexes().stream().filter(i -> i.idxScan() == 0)
                        .sorted(Comparator.comparing(IndexCounters::table).thenComparing(IndexCounters::index)).toList());
    }

    /**
     * @param query a statement's text as pg_stat_statements shows it
     * @return whether it reads, writes or does something else, by its command word
     */
    public static StatementFigures.Access access(String query) {
        StatementKind kind = SqlStatement.of(query).kind();
        if (kind == StatementKind.QUERY) {
            return StatementFigures.Access.READ;
        }
        return kind.isDml() ? StatementFigures.Access.WRITE : StatementFigures.Access.OTHER;
    }

    private static List<StatementFigures> top(List<StatementFigures> all, Comparator<StatementFigures> order, int n) {
        return all.stream().sorted(order.reversed().thenComparing(StatementFigures::query)).limit(n).toList();
    }
}
