/**
 * Server configuration tuning: PGTune's hardware-only baseline reproduced exactly ({@code pgtune}), the live
 * configuration of a PostgreSQL server ({@code settings}), workload-aware recommendations from the server's own
 * evidence with MySQL and SQL Server rule sets ({@code advice}), validation, apply, measure and auto-revert of
 * changes ({@code apply}), and comparison of configurations ({@code compare}). No UI; JDBC only through
 * {@code java.sql} interfaces on sessions opened by target-db.
 */
module org.planwright.tuning {
    requires transitive org.planwright.targetdb;
    requires org.slf4j;
    requires org.apache.commons.statistics.inference;
    exports org.planwright.tuning.pgtune;
    exports org.planwright.tuning.settings;
    exports org.planwright.tuning.advice;
    exports org.planwright.tuning.apply;
    exports org.planwright.tuning.compare;
    exports org.planwright.tuning.trial;
}
