/**
 * Optimization advice: index, rewrite, setting, statistics and maintenance recommendations for a query or a
 * workload, their estimated improvement, and trials that measure the actual improvement. No UI.
 */
module org.planwright.advice {
    requires transitive org.planwright.plans;
    requires transitive org.planwright.sqltext;
    requires transitive org.planwright.targetdb;
    requires net.sf.jsqlparser;
    requires org.slf4j;
    requires org.apache.commons.statistics.inference;
    exports org.planwright.advice;
    exports org.planwright.advice.index;
    exports org.planwright.advice.parameters;
    exports org.planwright.advice.rewrite;
    exports org.planwright.advice.trial;
    exports org.planwright.advice.tuning;
}
