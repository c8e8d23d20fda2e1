/** Execution plans: the plan model, parsers, exclusive-time arithmetic and insights. No I/O, no UI. */
module org.planwright.plans {
    requires com.fasterxml.jackson.core;
    exports org.planwright.plans;
}
