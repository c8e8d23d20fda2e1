package org.planwright.workload;

/**
 * Maps rows of {@code pg_stat_statements} and {@code pg_stat_database} to counters, for every PostgreSQL version
 * since 9.4: {@code total_time}/{@code mean_time}/{@code stddev_time} became {@code *_exec_time} in 13 (which added
 * planning times and WAL), {@code toplevel} came in 14, and {@code blk_read_time}/{@code blk_write_time} became
 * {@code shared_blk_read_time}/{@code shared_blk_write_time} (plus local ones) in 17 (PostgreSQL release notes).
 */
final class StatRows {

    private StatRows() {
    }

    static StatementCounters statement(StatRow row) {
        for (String required : new String[] {"queryid", "query", "calls"}) {
            if (!row.has(required)) {
                throw new StatisticsFormatException(row.source() + ": no column " + required
                        + " (is this a pg_stat_statements export?)");
            }
        }
        StatementKey key = new StatementKey(row.count("userid"), row.count("dbid"), row.count("queryid"),
                row.flag("toplevel", true));
        long calls = row.count("calls");
        double total = row.number("total_exec_time", "total_time");
        double mean = row.has("mean_exec_time") || row.has("mean_time")
                ? row.number("mean_exec_time", "mean_time") : (calls == 0 ? 0 : total / calls);
        double stddev = row.number("stddev_exec_time", "stddev_time");
        double sumSquares = calls * (stddev * stddev + mean * mean);
        double readTime = row.has("blk_read_time") ? row.number("blk_read_time")
                : row.number("shared_blk_read_time") + row.number("local_blk_read_time");
        double writeTime = row.has("blk_write_time") ? row.number("blk_write_time")
                : row.number("shared_blk_write_time") + row.number("local_blk_write_time");
        String database = row.text("datname");
        return new StatementCounters(key, row.text("query") == null ? "" : row.text("query"),
                database == null ? "" : database, calls, total, sumSquares, row.number("total_plan_time"),
                row.count("rows"), row.count("shared_blks_hit"), row.count("shared_blks_read"),
                row.count("shared_blks_dirtied"), row.count("shared_blks_written"), row.count("temp_blks_read"),
                row.count("temp_blks_written"), readTime, writeTime, row.count("wal_bytes"));
    }

    static DatabaseCounters database(StatRow row) {
        if (!row.has("datname") || !row.has("xact_commit")) {
            throw new StatisticsFormatException(row.source() + ": no column datname/xact_commit"
                    + " (is this a pg_stat_database export?)");
        }
        String name = row.text("datname");
        return new DatabaseCounters(name == null ? "" : name, row.count("xact_commit"), row.count("xact_rollback"),
                row.count("blks_read"), row.count("blks_hit"), row.count("tup_returned"), row.count("tup_fetched"),
                row.count("tup_inserted"), row.count("tup_updated"), row.count("tup_deleted"),
                row.count("temp_files"), row.count("temp_bytes"));
    }

    static TableCounters table(StatRow row) {
        if (!row.has("relname") || !row.has("seq_scan")) {
            throw new StatisticsFormatException(row.source() + ": no column relname/seq_scan"
                    + " (is this a pg_stat_user_tables export?)");
        }
        return new TableCounters(row.text("schemaname"), row.text("relname"), row.count("seq_scan"),
                row.count("seq_tup_read"), row.count("idx_scan"), row.count("idx_tup_fetch"), row.count("n_tup_ins"),
                row.count("n_tup_upd"), row.count("n_tup_del"), row.count("n_tup_hot_upd"), row.count("n_live_tup"),
                row.count("n_dead_tup"));
    }

    static IndexCounters index(StatRow row) {
        if (!row.has("indexrelname") || !row.has("idx_scan")) {
            throw new StatisticsFormatException(row.source() + ": no column indexrelname/idx_scan"
                    + " (is this a pg_stat_user_indexes export?)");
        }
        return new IndexCounters(row.text("schemaname"), row.text("relname"), row.text("indexrelname"),
                row.count("idx_scan"), row.count("idx_tup_read"), row.count("idx_tup_fetch"));
    }
}
