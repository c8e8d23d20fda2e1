package org.planwright.advice.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.planwright.advice.EstimatedImprovement;
import org.planwright.advice.Evidence;
import org.planwright.advice.QueryIdentity;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * {@code work_mem} for a sort that spilled to disk or a hash that needed more than one batch, as
 * {@code SET LOCAL work_mem} (for the query's transaction only), with what it would cost if every connection used it.
 *
 * <p>Memory needed (EXPLAIN ANALYZE facts): a sort written to disk needs about {@value #SORT_DISK_TO_MEMORY} times its
 * "Sort Space Used" on disk in memory (the in-memory sort keeps each tuple with a SortTuple header and palloc
 * overhead; a rule of thumb, the trial measures the truth); a hash with {@code Hash Batches} &gt; 1 needs about its
 * "Peak Memory Usage" times its batches, and a hash table may use {@code work_mem x hash_mem_multiplier}
 * (PostgreSQL "Resource Consumption"). The proposal is the largest need, rounded up to a power of two MB. The cost
 * line multiplies it by {@code max_connections}: each sort or hash node of each session may use {@code work_mem} at
 * once, so a global setting is a risk SET LOCAL avoids.
 *
 * <p>Estimated improvement: {@value #SPILL_SHARE_SAVED} of the spilling nodes' exclusive time as a share of the
 * execution time (temp-file I/O removed; a heuristic), confidence {@value #CONFIDENCE}.
 */
public final class SettingsAdvisor {

    /** In-memory size of a sort relative to its on-disk size (rule of thumb). */
    public static final double SORT_DISK_TO_MEMORY = 2.0;
    /** Share of a spilling node's exclusive time that staying in memory saves (heuristic). */
    public static final double SPILL_SHARE_SAVED = 0.5;
    /** Confidence of the estimate. */
    public static final double CONFIDENCE = 0.4;

    /**
     * @param plan     an EXPLAIN ANALYZE plan (without ANALYZE there is nothing to see: empty)
     * @param querySql the query
     * @param server   the server's settings
     * @return a SET LOCAL work_mem recommendation, or empty when nothing spilled
     */
    public Optional<Recommendation> advise(Plan plan, String querySql, ServerFacts server) {
        if (!plan.analyzed()) {
            return Optional.empty();
        }
        long needKb = 0;
        double spillMs = 0;
        List<Evidence> evidence = new ArrayList<>();
        for (PlanNode n : plan.nodes()) {
            long need = 0;
            if (n.sortSpaceType().map("Disk"::equalsIgnoreCase).orElse(false)) {
                long disk = n.sortSpaceUsed().orElse(0);
                need = (long) Math.ceil(disk * SORT_DISK_TO_MEMORY);
                evidence.add(new Evidence(n.label(), n.sortMethod().orElse("external sort") + ", " + disk
                        + " kB on disk"));
            } else if (n.hashBatches().orElse(1) > 1) {
                long batches = n.hashBatches().getAsLong();
                long peak = n.peakMemoryUsage().orElse(0);
                need = (long) Math.ceil(peak * batches / Math.max(1, server.hashMemMultiplier()));
                evidence.add(new Evidence(n.label(), batches + " hash batches, peak memory " + peak + " kB per batch"));
            }
            if (need > 0) {
                needKb = Math.max(needKb, need);
                spillMs += n.exclusiveTime();
            }
        }
        if (needKb <= server.workMemKb()) {
            return Optional.empty();
        }
        long mb = 1;
        while (mb * 1024 < needKb) {
            mb *= 2;
        }
        double total = plan.executionTime().orElse(plan.totalTime());
        double percent = total > 0 ? Math.min(100, spillMs / total * 100 * SPILL_SHARE_SAVED) : 0;
        double worstGb = mb * (double) server.maxConnections() / 1024;
        evidence.add(new Evidence("work_mem", String.format(Locale.ROOT, "now %d kB; needed about %d kB, proposed"
                + " %d MB", server.workMemKb(), needKb, mb)));
        evidence.add(new Evidence("cost at max_connections", String.format(Locale.ROOT, "%d connections x %d MB ="
                + " %.1f GB if every session ran one such node at once — hence SET LOCAL, for this transaction only",
                server.maxConnections(), mb, worstGb)));
        String method = String.format(Locale.ROOT, "%.0f %% of the spilling nodes' exclusive time (%.1f of %.1f ms)",
                SPILL_SHARE_SAVED * 100, spillMs, total);
        return Optional.of(new Recommendation(RecommendationKind.SETTING, "SET LOCAL work_mem = '" + mb + "MB' keeps"
                + " the sort/hash in memory", QueryIdentity.target(querySql), "SET LOCAL work_mem = '" + mb + "MB'",
                "", evidence, new EstimatedImprovement(percent, CONFIDENCE, method),
                QueryIdentity.patternSignature(querySql)));
    }
}
