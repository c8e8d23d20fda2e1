/**
 * Sync of workbench stores through a team PostgreSQL (docs/sync.md, ADR 0016): the team schema (Flyway,
 * {@code db/team}), tenant walls (grants and row-level security), batch upload with per-device sequence numbers,
 * paged download with a cursor. Only this module knows the remote schema; it reaches the local store through
 * {@link org.planwright.store.SyncStore} and the server through {@code java.sql} connections from target-db.
 */
module org.planwright.sync {
    requires transitive java.sql;
    requires java.management;
    requires transitive org.planwright.store;
    requires transitive org.planwright.targetdb;
    requires flyway.core;
    requires flyway.database.postgresql;
    requires org.slf4j;
    exports org.planwright.sync;
    // Flyway reads db/team/*.sql through the class loader
    opens db.team;
}
