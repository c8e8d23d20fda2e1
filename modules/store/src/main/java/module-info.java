/** The workbench store: an embedded H2 file database whose schema Flyway owns. Only this module knows that schema. */
module org.planwright.store {
    requires java.sql;
    requires com.h2database;
    requires flyway.core;
    requires com.zaxxer.hikari;
    requires org.slf4j;
    exports org.planwright.store;
}
