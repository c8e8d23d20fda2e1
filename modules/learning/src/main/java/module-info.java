/**
 * The learning loop (issue 10): pattern memory and matching, feedback statistics, estimate accuracy, trend and bias,
 * and an improvement estimator (Smile gradient-boosted trees) that learns from trial outcomes. No JavaFX, no JDBC:
 * the store's repositories hold the data.
 */
module org.planwright.learning {
    requires transitive org.planwright.store;
    requires smile.core;
    requires smile.base;
    requires org.slf4j;
    exports org.planwright.learning;
}
