package org.planwright.learning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.planwright.store.TrialOutcome;

/**
 * Synthetic trial outcomes with a known ground truth, for the training benchmark and tests (never shown as a
 * user's data). The true improvement is the cost-only estimate {@code 100 (1 - r)} bent the way real trials bend
 * it: index advice loses 8 % per extra index column and 3 points per decade of writes per second on the table;
 * rewrites realise 90 % of the cost cut; settings 60 % plus 10 points with a row misestimate over 10x;
 * statistics 20 points per decade of misestimate; dropping an index gains 5 points per decade of writes; each
 * pattern signature adds its own offset (sd 6 points); noise sd 8 points; clamped to [-50, 100]. Deterministic for
 * a seed.
 */
public final class SyntheticOutcomes {

    private static final String[] SHAPES = {"SELECT_PRED(EQ)", "SELECT_ORDER_BY_LIMIT_PRED(EQ)",
        "SELECT_INNER_JOIN(1)_PRED(EQ)", "SELECT_INNER_JOIN(2)_AGG_GROUP_BY_ORDER_BY_LIMIT_PRED(EQ,GT,LT)",
        "SELECT_INNER_JOIN(3)_AGG_GROUP_BY_ORDER_BY_PRED(EQ,GE,LT)", "SELECT_LEFT_JOIN(1)_DERIVED(1)_AGG_GROUP_BY_PRED(EQ)",
        "SELECT_SUBQUERY(1)_AGG_PRED(EQ,EXISTS)", "SELECT_INNER_JOIN(5)_AGG_GROUP_BY_ORDER_BY_PRED(BETWEEN,EQ)",
        "SELECT_AGG_PRED(BETWEEN,GE,LT)", "UPDATE_PRED(EQ)", "DELETE_PRED(LT)", "SELECT_WINDOW_ORDER_BY_PRED(EQ)",
        "SELECT_WITH(2)_INNER_JOIN(4)_AGG_GROUP_BY_ORDER_BY_LIMIT_PRED(EQ,IN)", "SELECT_INNER_JOIN(1)_PRED(EQ,LIKE)",
        "SELECT_DISTINCT_INNER_JOIN(2)_PRED(EQ)", "SELECT_INNER_JOIN(2)_SUBQUERY(2)_PRED(EQ,NOT_EXISTS)"};

    private SyntheticOutcomes() {
    }

    /**
     * @param n           how many
     * @param workspaceId their workspace
     * @param seed        random seed
     * @return outcomes one minute apart from 2026-01-01
     */
    public static List<TrialOutcome> generate(int n, UUID workspaceId, long seed) {
        Random r = new Random(seed);
        double[] offsets = new double[SHAPES.length];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = r.nextGaussian() * 6;
        }
        List<TrialOutcome> out = new ArrayList<>(n);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            String kind = u < 0.5 ? "index" : u < 0.65 ? "rewrite" : u < 0.75 ? "setting" : u < 0.85 ? "statistics"
                    : u < 0.93 ? "drop-index" : "maintenance";
            int shape = r.nextInt(SHAPES.length);
            double ratio = kind.equals("drop-index") ? 0.95 + 0.05 * r.nextDouble() : 0.05 + 0.95 * r.nextDouble();
            double base = 100 * (1 - ratio);
            double width = 1 + r.nextInt(5);
            double writes = Math.pow(10, -1 + 4 * r.nextDouble());
            double misestimate = 3 * r.nextDouble();
            double tableBytes = Math.pow(10, 5 + 5 * r.nextDouble());
            double truth = switch (kind) {
                case "index" -> base * (1 - 0.08 * (width - 1)) - 3 * Math.log10(1 + writes);
                case "rewrite" -> 0.9 * base;
                case "setting" -> 0.6 * base + (misestimate > 1 ? 10 : 0);
                case "statistics" -> 20 * misestimate;
                case "drop-index" -> 5 * Math.log10(1 + writes) - 2;
                default -> 0.5 * base;
            };
            double actual = Math.max(-50, Math.min(100, truth + offsets[shape] + r.nextGaussian() * 8));
            Instant started = t0.plusSeconds(60L * i);
            out.add(new TrialOutcome(new UUID(seed, i), workspaceId, kind, String.format("%016x", shape * 7919L + 1),
                    SHAPES[shape], base, ratio, actual, Map.of("indexWidth", kind.equals("index") ? width : 0,
                    "writesPerSecond", writes, "rowMisestimate", misestimate, "tableBytes", tableBytes,
                    "planRows", Math.pow(10, 1 + 5 * r.nextDouble())), started, started.plusSeconds(20)));
        }
        return out;
    }
}
