package org.planwright.advice.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link KneeRule}: the greedy prefix whose every step pays at least the whole set's average benefit per byte.
 * The figures are the greedy steps the advisor took on TPC-H SF 0.2 (benefit, estimated bytes).
 */
class KneeRuleTest {

    private static final double[] BENEFITS = {1.916, 13.297, 1.350, 1.055, 2.484, 0.970, 1.147, 1.308, 0.756};
    private static final long[] SIZES = {3_629_056, 27_074_560, 6_782_976, 5_308_416, 48_726_016, 27_074_560,
        48_726_016, 59_555_840, 48_726_016};

    @Test
    void thePriceIsTheWholeSetsAverageBenefitPerByte() {
        double b = 0;
        double bytes = 0;
        for (int i = 0; i < BENEFITS.length; i++) {
            b += BENEFITS[i];
            bytes += SIZES[i];
        }
        assertThat(KneeRule.pricePerByte(BENEFITS, SIZES)).isCloseTo(b / bytes, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void theKneeKeepsTheStepsThatPayAtLeastTheAverage() {
        // 0.55, 0.52, 0.21, 0.21 per MB, then 0.054 and less; the average is 0.092 per MB
        assertThat(KneeRule.kneeLength(BENEFITS, SIZES)).isEqualTo(4);
    }

    @Test
    void equalStepsAreAllKeptAndAnEmptyGreedyKeepsNothing() {
        assertThat(KneeRule.kneeLength(new double[] {1, 1, 1}, new long[] {10, 10, 10})).isEqualTo(3);
        assertThat(KneeRule.kneeLength(new double[0], new long[0])).isZero();
        assertThat(KneeRule.pricePerByte(new double[0], new long[0])).isZero();
    }

    @Test
    void atLeastOneIndexStaysEvenWhenTheFirstStepIsBelowTheAverage() {
        // lazy greedy can add a step whose re-evaluated benefit per byte is below a later one's
        assertThat(KneeRule.kneeLength(new double[] {1, 10}, new long[] {10, 10})).isEqualTo(1);
    }
}
