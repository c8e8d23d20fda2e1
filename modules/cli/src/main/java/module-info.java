/** The planwright command line (picocli): {@code explain} over SQL files, {@code plan} over saved plans, {@code bench}; text/JSON/Markdown reports. */
module org.planwright.cli {
    requires org.planwright.targetdb;
    requires org.planwright.advice;
    requires org.planwright.plans;
    requires org.planwright.sqltext;
    requires org.planwright.workload;
    requires org.planwright.store;
    requires org.planwright.keychain;
    requires org.planwright.tuning;
    requires org.planwright.learning;
    requires org.planwright.sync;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.annotation;
    requires org.slf4j;
    requires java.management;
    requires jdk.management;
    opens org.planwright.cli to info.picocli;
    opens org.planwright.cli.report to com.fasterxml.jackson.databind;
    exports org.planwright.cli;
    exports org.planwright.cli.report;
}
