/** The planwright command line (picocli). */
module org.planwright.cli {
    requires org.planwright.target;
    requires org.planwright.plans;
    requires org.planwright.sqltext;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    opens org.planwright.cli to info.picocli;
    exports org.planwright.cli;
}
