/** Test support: one embedded PostgreSQL per test run (a JUnit extension), corpus files, sample databases. */
module org.planwright.testsupport {
    requires transitive java.sql;
    requires transitive org.junit.jupiter.api;
    requires transitive org.planwright.sandbox;
    requires org.postgresql.jdbc;
    requires org.slf4j;
    exports org.planwright.testsupport;
}
