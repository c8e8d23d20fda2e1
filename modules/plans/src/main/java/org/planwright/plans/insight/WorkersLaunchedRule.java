package org.planwright.plans.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.Insight;
import org.planwright.plans.InsightKind;
import org.planwright.plans.InsightRule;
import org.planwright.plans.ImpactScore;

/**
 * WORKERS_NOT_LAUNCHED: a Gather or Gather Merge whose "Workers Launched" is below its "Workers Planned". The
 * server starts fewer workers when max_parallel_workers or max_worker_processes are used up by other queries
 * (PostgreSQL documentation, "Parallel Query": "How Parallel Query Works" — the query then runs with fewer
 * workers, or none). Impact is Planwright's estimate: with the leader taking part, the Gather's work was
 * divided over launched + 1 processes instead of planned + 1, so the share of time at stake is the Gather's
 * inclusive share times 1 - (launched + 1) / (planned + 1). The score is at least 1.
 */
public final class WorkersLaunchedRule implements InsightRule {

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        for (PlanNode n : NodeSets.of(plan, "Gather", "Gather Merge")) {
            if (n.workersPlanned().isEmpty() || n.workersLaunched().isEmpty() || n.neverExecuted()) {
                continue;
            }
            long planned = n.workersPlanned().getAsLong();
            long launched = n.workersLaunched().getAsLong();
            if (launched >= planned) {
                continue;
            }
            double missing = 1 - (launched + 1.0) / (planned + 1.0);
            double impact = Math.clamp(ImpactScore.inclusiveShare(plan, n) * missing, 0.0, 1.0);
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put("workers planned", (double) planned);
            ev.put("workers launched", (double) launched);
            ev.put("inclusive time (ms)", n.inclusiveTime());
            ev.put("estimated share of execution time lost (fraction)", impact);
            String title = Phrases.label(n) + " launched " + launched + " of " + planned + " planned workers";
            String why = "The server had no free background workers for this query when it started, so the "
                    + "parallel part ran with fewer processes than the planner counted on. Check "
                    + "max_parallel_workers and max_worker_processes against the number of parallel queries that run "
                    + "at the same time; the plan may also be timed differently when run again.";
            out.add(new Insight(InsightKind.WORKERS_NOT_LAUNCHED, List.of(n.id()), Math.max(1, ImpactScore.of(impact)),
                    impact, title, why, ev));
        }
        return out;
    }
}
