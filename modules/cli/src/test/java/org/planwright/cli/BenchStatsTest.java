package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bench's statistics: nearest-rank percentiles and the number of runs; no timing is asserted. */
class BenchStatsTest {

    @Test
    void nearestRankPercentilesOfSortedValues() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        assertThat(BenchStats.nearestRank(sorted, 0.5)).isEqualTo(5);
        assertThat(BenchStats.nearestRank(sorted, 0.9)).isEqualTo(9);
        assertThat(BenchStats.nearestRank(new double[] {7}, 0.9)).isEqualTo(7);
    }

    @Test
    void measureRunsTheWorkWarmUpPlusTimedTimes() {
        AtomicInteger calls = new AtomicInteger();

        BenchStats stats = BenchStats.measure(2, 5, calls::incrementAndGet);

        assertThat(calls).hasValue(7);
        assertThat(stats.runs()).isEqualTo(5);
        assertThat(stats.p90Ms()).isGreaterThanOrEqualTo(stats.medianMs()).isNotNegative();
    }
}
