/**
 * Target-database access: connection profiles, {@code .pgpass} passwords, sessions that run statements,
 * EXPLAIN with safety rules (read-only analysis sessions, always rolled-back EXPLAIN ANALYZE), server syntax
 * checks, on PostgreSQL (PgJDBC) and H2 files. Returns raw plan text; it does not parse plans.
 */
module org.planwright.targetdb {
    requires transitive java.sql;
    requires org.planwright.sqltext;
    requires transitive org.planwright.plans;
    requires org.postgresql.jdbc;
    requires com.h2database;
    requires org.slf4j;
    exports org.planwright.targetdb;
}
