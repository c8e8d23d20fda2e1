/** Test support: one embedded PostgreSQL per test run (a JUnit extension), corpus files. */
module org.planwright.testsupport {
    requires transitive java.sql;
    requires transitive org.junit.jupiter.api;
    requires transitive org.planwright.sandbox;
    exports org.planwright.testsupport;
}
