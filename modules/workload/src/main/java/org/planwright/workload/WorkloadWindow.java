package org.planwright.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a server did between two snapshots: per statement and per database, the difference of the counters.
 * A window made from a single snapshot ({@link #sinceReset}) holds everything since the view was last reset;
 * its start is unknown ({@link Instant#EPOCH}).
 *
 * @param start      the earlier snapshot's time; {@link Instant#EPOCH} when the start is unknown
 * @param end        the later snapshot's time
 * @param statements statements with at least one call in the window
 * @param databases  per database, may be empty
 * @param tables     per table of the connected database, may be empty
 * @param indexes    per index of the connected database, may be empty
 */
public record WorkloadWindow(Instant start, Instant end, List<StatementCounters> statements,
                             List<DatabaseCounters> databases, List<TableCounters> tables,
                             List<IndexCounters> indexes) {

    public WorkloadWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        statements = List.copyOf(statements);
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
        indexes = List.copyOf(indexes);
    }

    /** A window without table and index counters. */
    public WorkloadWindow(Instant start, Instant end, List<StatementCounters> statements,
                          List<DatabaseCounters> databases) {
        this(start, end, statements, databases, List.of(), List.of());
    }

    /**
     * @param snapshot one snapshot
     * @return everything the counters hold since their last reset (start unknown)
     */
    public static WorkloadWindow sinceReset(WorkloadSnapshot snapshot) {
        return new WorkloadWindow(Instant.EPOCH, snapshot.takenAt(),
                snapshot.statements().stream().filter(s -> s.calls() > 0).toList(), snapshot.databases(),
                snapshot.tables(), snapshot.indexes());
    }

    /**
     * The difference of two snapshots of one server. Statements that appear only in the later one ran for the
     * first time (or were evicted and came back): all of their counters count. Statements without a call in
     * between are left out.
     *
     * @param earlier the snapshot taken first
     * @param later   the snapshot taken after it
     * @return the window
     * @throws IllegalArgumentException when {@code later} was not taken after {@code earlier}
     */
    public static WorkloadWindow between(WorkloadSnapshot earlier, WorkloadSnapshot later) {
        if (!later.takenAt().isAfter(earlier.takenAt())) {
            throw new IllegalArgumentException("the later snapshot (" + later.takenAt()
                    + ") must be taken after the earlier one (" + earlier.takenAt() + ")");
        }
        Map<StatementKey, StatementCounters> before = new HashMap<>();
        for (StatementCounters s : earlier.statements()) {
            before.put(s.key(), s);
        }
        List<StatementCounters> delta = new ArrayList<>();
        for (StatementCounters s : later.statements()) {
            StatementCounters old = before.get(s.key());
            StatementCounters d = old == null ? s : s.minus(old);
            if (d.calls() > 0) {
                delta.add(d);
            }
        }
        List<DatabaseCounters> databases = new ArrayList<>();
        for (DatabaseCounters d : later.databases()) {
            databases.add(earlier.database(d.database()).map(d::minus).orElse(d));
        }
        Map<String, TableCounters> tablesBefore = new HashMap<>();
        earlier.tables().forEach(t -> tablesBefore.put(t.qualifiedName(), t));
        List<TableCounters> tables = later.tables().stream()
                .map(t -> tablesBefore.containsKey(t.qualifiedName()) ? t.minus(tablesBefore.get(t.qualifiedName())) : t)
                .toList();
        Map<String, IndexCounters> indexesBefore = new HashMap<>();
        earlier.indexes().forEach(i -> indexesBefore.put(i.qualifiedName(), i));
        List<IndexCounters> indexes = later.indexes().stream()
                .map(i -> indexesBefore.containsKey(i.qualifiedName()) ? i.minus(indexesBefore.get(i.qualifiedName())) : i)
                .toList();
        return new WorkloadWindow(earlier.takenAt(), later.takenAt(), delta, databases, tables, indexes);
    }

    /**
     * Several windows of one server as one, oldest first: per statement, database, table and index the counters
     * summed (table gauges of the latest); from the earliest
     * start to the latest end (gaps between the windows are not filled).
     *
     * @param windows at least one window
     * @return the combined window
     * @throws IllegalArgumentException when {@code windows} is empty
     */
    public static WorkloadWindow combine(List<WorkloadWindow> windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("no window to combine");
        }
        Map<StatementKey, StatementCounters> statements = new java.util.LinkedHashMap<>();
        Map<String, DatabaseCounters> databases = new java.util.LinkedHashMap<>();
        Map<String, TableCounters> tables = new java.util.LinkedHashMap<>();
        Map<String, IndexCounters> indexes = new java.util.LinkedHashMap<>();
        Instant start = windows.getFirst().start();
        Instant end = windows.getFirst().end();
        for (WorkloadWindow w : windows.stream().sorted(java.util.Comparator.comparing(WorkloadWindow::start)).toList()) {
            start = w.start.isBefore(start) ? w.start : start;
            end = w.end.isAfter(end) ? w.end : end;
            for (StatementCounters s : w.statements) {
                statements.merge(s.key(), s, StatementCounters::plus);
            }
            for (DatabaseCounters d : w.databases) {
                databases.merge(d.database(), d, DatabaseCounters::plus);
            }
            for (TableCounters t : w.tables) {
                tables.merge(t.qualifiedName(), t, TableCounters::plus);
            }
            for (IndexCounters i : w.indexes) {
                indexes.merge(i.qualifiedName(), i, IndexCounters::plus);
            }
        }
        return new WorkloadWindow(start, end, new ArrayList<>(statements.values()), new ArrayList<>(databases.values()),
                new ArrayList<>(tables.values()), new ArrayList<>(indexes.values()));
    }

    /** @return the window's length; {@link Duration#ZERO} when the start is unknown */
    public Duration length() {
        return start.equals(Instant.EPOCH) ? Duration.ZERO : Duration.between(start, end);
    }

    /** @return total execution time of all statements in the window (ms) */
    public double totalExecMs() {
        return statements.stream().mapToDouble(StatementCounters::totalExecMs).sum();
    }

    /** @return calls of all statements in the window */
    public long totalCalls() {
        return statements.stream().mapToLong(StatementCounters::calls).sum();
    }
}
