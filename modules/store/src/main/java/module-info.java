/**
 * The workbench store: an embedded H2 file database whose schema Flyway owns. Only this module knows that schema;
 * other modules see records ({@link org.planwright.targetdb.ConnectionProfile}, {@code Workspace}, {@code PlanCapture}...).
 */
module org.planwright.store {
    requires java.sql;
    requires transitive org.planwright.targetdb;
    requires transitive org.planwright.workload;
    requires transitive org.planwright.advice;
    requires com.h2database;
    requires flyway.core;
    requires com.zaxxer.hikari;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    exports org.planwright.store;
    // Flyway reads db/migration/*.sql through the class loader
    opens db.migration;
}
