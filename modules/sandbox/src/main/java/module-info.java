/** The sandbox: a real PostgreSQL started locally from embedded binaries, and the demo dataset. */
module org.planwright.sandbox {
    requires transitive java.sql;
    requires org.slf4j;
    requires embedded.postgres;
    exports org.planwright.sandbox;
}
