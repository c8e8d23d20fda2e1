/**
 * The workload analyzer: snapshots of {@code pg_stat_statements} (and {@code pg_stat_database}), deltas between
 * them, per-statement figures, top statements, read/write ratio, OLTP/OLAP classification, peaks, change points
 * and a next-day load forecast. No UI, no workbench schema.
 */
module org.planwright.workload {
    requires org.planwright.sqltext;
    requires transitive org.planwright.targetdb;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires org.slf4j;
    exports org.planwright.workload;
}
