package org.planwright.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo SQL resources parse into weighted steps and annotated queries; a missing value is a clear error. */
class ScriptResourcesTest {

    @Test
    void demoDatasetStepsHaveWeightsMessagesAndNoPlaceholdersLeft() {
        List<ScriptSteps.Step> steps = ScriptSteps.load("demo-dataset.sql", DemoDataset.placeholders(1.0));
        assertThat(steps).hasSizeGreaterThan(10);
        assertThat(steps.getFirst().message()).isEqualTo("Creating the shop schema");
        assertThat(steps.getLast().sql()).contains("INSERT INTO planwright_demo_complete")
                .contains("VALUES (" + DemoDataset.VERSION + ", 1.0)");
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.weight()).isPositive();
            assertThat(s.sql()).doesNotContain("${");
        });
        assertThat(steps.stream().filter(s -> s.sql().contains("planwright_demo_complete (")).toList())
                .as("only the last step creates the completion marker").containsExactly(steps.getLast());
    }

    @Test
    void scaleSetsTheSizesWithSmallFloors() {
        assertThat(DemoDataset.placeholders(1.0)).containsEntry("customers", "50000").containsEntry("orders", "400000")
                .containsEntry("events", "1000000").containsEntry("products", "5000");
        assertThat(DemoDataset.placeholders(0.0001)).containsEntry("customers", "100").containsEntry("products", "50");
    }

    @Test
    void aMissingPlaceholderValueNamesTheStep() {
        assertThatThrownBy(() -> ScriptSteps.load("demo-dataset.sql", Map.of("customers", "1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageMatching("demo-dataset.sql step at line \\d+: no value for \\$\\{\\w+}");
    }

    @Test
    void demoQueriesCarryTitleExplanationAndOneStatement() {
        List<DemoQuery> queries = DemoDataset.queries();
        assertThat(queries).extracting(DemoQuery::id).startsWith("orders-of-one-customer", "sales-of-one-product");
        assertThat(queries).allSatisfy(q -> assertThat(q.sql()).doesNotEndWith(";").doesNotContain("-- @"));
        DemoQuery first = queries.getFirst();
        assertThat(first.shows()).startsWith("Seq Scan on orders").contains("CREATE INDEX ON orders (customer_id)");
        assertThat(first.settings()).isEmpty();
    }
}
