/** Execution plans: the plan model, parsers, exclusive-time arithmetic, insights, plan comparison and reports. No I/O, no UI. */
module org.planwright.plans {
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.xml;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    exports org.planwright.plans;
    exports org.planwright.plans.compare;
    exports org.planwright.plans.report;
    // org.planwright.plans.read (the readers) and org.planwright.plans.insight (the rules) stay internal
}
