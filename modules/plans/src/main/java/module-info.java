/** Execution plans: the plan model, parsers, exclusive-time arithmetic, insights, plan comparison and reports. No I/O, no UI. */
module org.planwright.plans {
    requires com.fasterxml.jackson.core;
    exports org.planwright.plans;
    exports org.planwright.plans.compare;
    exports org.planwright.plans.report;
}
