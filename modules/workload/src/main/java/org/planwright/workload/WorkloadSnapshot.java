package org.planwright.workload;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cumulative counters of a server at one moment: every {@code pg_stat_statements} row (of the databases asked
 * for) and, when read, the {@code pg_stat_database} row of each.
 *
 * @param takenAt       when the counters were read (server clock when known)
 * @param serverVersion {@code server_version_num}, e.g. 150018; 0 when unknown (a file)
 * @param statements    one entry per statement
 * @param databases     per database, may be empty
 * @param tables        {@code pg_stat_user_tables} of the connected database, may be empty
 * @param indexes       {@code pg_stat_user_indexes} of the connected database, may be empty
 */
public record WorkloadSnapshot(Instant takenAt, int serverVersion, List<StatementCounters> statements,
                               List<DatabaseCounters> databases, List<TableCounters> tables,
                               List<IndexCounters> indexes) {

    public WorkloadSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        statements = List.copyOf(statements);
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
        indexes = List.copyOf(indexes);
    }

    /** A snapshot without table and index counters (e.g. from a pg_stat_statements export). */
    public WorkloadSnapshot(Instant takenAt, int serverVersion, List<StatementCounters> statements,
                            List<DatabaseCounters> databases) {
        this(takenAt, serverVersion, statements, databases, List.of(), List.of());
    }

    /**
     * @param database a database's name
     * @return its {@code pg_stat_database} counters, when read
     */
    public Optional<DatabaseCounters> database(String database) {
        return databases.stream().filter(d -> d.database().equals(database)).findFirst();
    }
}
