package org.planwright.advice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.planwright.advice.rewrite.RewriteAdvisor;
import org.planwright.advice.tuning.ServerFacts;
import org.planwright.advice.tuning.SettingsAdvisor;
import org.planwright.advice.tuning.StatisticsAdvisor;
import org.planwright.plans.InsightContext;
import org.planwright.plans.InsightThresholds;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanParser;
import org.planwright.targetdb.ExplainOptions;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * Advice for one query, everything but indexes (the index advisor adds its own): one EXPLAIN ANALYZE (rolled back,
 * per the session's safety rules), then verified rewrites ({@link RewriteAdvisor}), {@code SET LOCAL work_mem}
 * ({@link SettingsAdvisor}) and statistics/maintenance ({@link StatisticsAdvisor}). Ranked by estimated
 * improvement, largest first.
 *
 * <p>Thread rules: blocking; a virtual thread; {@link Cancellation} from any thread.
 */
public final class QueryAdvisor {

    private final InsightThresholds thresholds;

    /** @param thresholds the insight thresholds in force (misestimate, stale statistics, heap fetches) */
    public QueryAdvisor(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * @param session      a read-only analysis session on PostgreSQL with a statement timeout
     * @param sql          one query
     * @param progress     progress of the steps
     * @param cancellation stops the work
     * @return recommendations, largest estimated improvement first
     * @throws TargetException as {@link TargetSession#explain} (a bad query: {@code SYNTAX_ERROR} / {@code SQL_ERROR}
     *                         with position), {@code CANCELLED}, {@code TIMEOUT}
     */
    public List<Recommendation> advise(TargetSession session, String sql, ProgressListener progress,
                                       Cancellation cancellation) throws TargetException {
        cancellation.attach(session);
        progress.progress(0, "EXPLAIN ANALYZE (rolled back)");
        Plan plan = PlanParser.parse(session.explain(sql, ExplainOptions.analyze()).planText());
        cancellation.check();
        List<Recommendation> out = new ArrayList<>();
        progress.progress(0.2, "Statistics and settings");
        out.addAll(new StatisticsAdvisor(thresholds).advise(plan, sql,
                session.tableStatistics(InsightContext.scannedTables(plan))));
        new SettingsAdvisor().advise(plan, sql, ServerFacts.read(session)).ifPresent(out::add);
        cancellation.check();
        out.addAll(new RewriteAdvisor().advise(session, sql, Optional.of(plan),
                (f, m) -> progress.progress(0.3 + 0.7 * f, m), cancellation).offered());
        out.sort(Comparator.comparingDouble((Recommendation r) -> r.estimate().percent()).reversed());
        progress.progress(1, out.size() + " recommendations");
        return out;
    }
}
