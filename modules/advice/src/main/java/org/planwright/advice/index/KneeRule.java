package org.planwright.advice.index;

/**
 * Where a greedy index set stops paying for its bytes: the knee of the curve "cumulative benefit over cumulative
 * bytes" that the greedy order traces (benefit = Σ weight·ln(cost before / cost after), the geometric-mean measure
 * of {@link IndexAdvisor}). Kneedle (Satopää, Albrecht, Irwin and Raghavan, "Finding a 'Kneedle' in a Haystack",
 * ICDCS Workshops 2011) puts the knee of a concave curve, normalised to the unit square, where its distance above
 * the chord from the first to the last point is largest — i.e. where the curve's slope falls below the chord's. In
 * unnormalised terms: keep the greedy prefix whose every step's marginal benefit per byte is at least the whole
 * greedy set's average benefit per byte (total benefit / total bytes); later indexes are diminishing returns. That
 * average is also the "price" of a byte with which the merge and narrowing moves of the advisor weigh benefit
 * against size. No schema-specific constant. Stateless; thread-safe.
 */
final class KneeRule {

    private KneeRule() {
    }

    /**
     * @param benefits each greedy step's marginal benefit, in greedy order (non-negative)
     * @param sizes    each step's index size, bytes (positive), parallel to {@code benefits}
     * @return the whole set's average benefit per byte (0 for no steps)
     */
    static double pricePerByte(double[] benefits, long[] sizes) {
        double b = 0;
        double bytes = 0;
        for (int i = 0; i < benefits.length; i++) {
            b += benefits[i];
            bytes += sizes[i];
        }
        return bytes > 0 ? b / bytes : 0;
    }

    /**
     * @param benefits each greedy step's marginal benefit, in greedy order
     * @param sizes    each step's index size, bytes, parallel to {@code benefits}
     * @return how many of the first steps to keep: the longest prefix whose steps each have benefit per byte at
     *     least {@link #pricePerByte}; at least 1 when there is a step, 0 otherwise
     */
    static int kneeLength(double[] benefits, long[] sizes) {
        double price = pricePerByte(benefits, sizes);
        int k = 0;
        while (k < benefits.length && benefits[k] / sizes[k] >= price) {
            k++;
        }
        return benefits.length == 0 ? 0 : Math.max(1, k);
    }
}
