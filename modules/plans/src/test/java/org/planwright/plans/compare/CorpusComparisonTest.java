package org.planwright.plans.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanParser;
import org.planwright.testsupport.Corpus;

/**
 * Corpus pairs: each TPC-H query of {@code plans/generated-tpch} (scale 1, PostgreSQL 15) exists as JSON
 * (ANALYZE, BUFFERS, VERBOSE, SETTINGS) and as text (ANALYZE, BUFFERS) from separate runs: the same plan shape,
 * so every node must be matched with its counterpart and no change reported; times differ between the runs.
 */
class CorpusComparisonTest {

    static Stream<Integer> queries() {
        return IntStream.rangeClosed(1, 22).boxed();
    }

    @ParameterizedTest(name = "q{0}")
    @MethodSource("queries")
    void jsonAndTextRunsOfOneQueryMatchNodeForNode(int q) throws Exception {
        Path dir = Corpus.resolve("plans/generated-tpch");
        Plan json = PlanParser.parse(Files.readString(dir.resolve("tpch-q" + q + ".json")));
        Plan text = PlanParser.parse(Files.readString(dir.resolve("tpch-q" + q + ".txt")));

        PlanComparison c = PlanComparison.compare(json, text);

        if (json.nodeCount() == text.nodeCount()) {
            assertThat(c.changes()).isEmpty();
            assertThat(c.pairs()).hasSize(json.nodeCount());
            assertThat(c.pairs()).allSatisfy(p -> assertThat(p.after().id()).isEqualTo(p.before().id()));
        } else {
            // the runs chose different plans: then the comparison must say where
            assertThat(c.sameShape()).isFalse();
        }
    }
}
