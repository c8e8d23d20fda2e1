package org.planwright.advice.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.advice.trial.TrialMode;
import org.planwright.advice.trial.TrialOptions;
import org.planwright.advice.trial.TrialResult;
import org.planwright.advice.trial.TrialRunner;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.DebianPostgres15;
import org.planwright.testsupport.Postgres15Extension;

/**
 * The HypoPG trial path ({@link TrialMode#HYPOTHETICAL}) on Debian's PostgreSQL 15 with HypoPG, TPC-H SF 0.02 with
 * primary keys only: the index the advisor recommends for q17 is tried hypothetically in the read-only analysis
 * session — plain EXPLAIN before and after, nothing executed — and the after-plan uses the hypothetical index at a
 * lower cost; nothing stays behind (no index, no hypothetical index in the session).
 */
@ExtendWith(Postgres15Extension.class)
class HypotheticalTrialTest {

    @Test
    void theAdvisedIndexTriedHypotheticallyLowersTheCostAndLeavesNothing(DebianPostgres15 pg) throws Exception {
        String url = pg.tpchPrimaryKeysOnly(0.02);
        int indexesBefore = HypoPgIndexAdvisorTest.indexCount(url, pg.user());
        WorkloadStatement q17 = HypoPgIndexAdvisorTest.statement(17);
        try (TargetSession s = Sessions.analysis(url, pg.user())) {
            IndexAdvice advice = new IndexAdvisor(s, IndexAdviceOptions.defaults(), m -> { }).advise(List.of(q17));
            Recommendation rec = advice.recommendations().getFirst();
            assertThat(rec.kind()).isEqualTo(RecommendationKind.INDEX);
            TrialResult r = new TrialRunner().run(s, rec, q17.sql(), TrialMode.HYPOTHETICAL, TrialOptions.defaults(),
                    ProgressListener.NONE, Cancellation.create());
            assertThat(r.mode()).isEqualTo(TrialMode.HYPOTHETICAL);
            assertThat(r.costAfter()).isLessThan(r.costBefore() / 2);
            assertThat(r.afterPlan()).contains("btree_lineitem");
            assertThat(r.before()).as("nothing is executed hypothetically").isEmpty();
            assertThat(s.execute("SELECT count(*) FROM hypopg_list_indexes", 1).rows().getFirst()[0])
                    .as("hypothetical indexes reset").isEqualTo(0L);
        }
        assertThat(HypoPgIndexAdvisorTest.indexCount(url, pg.user())).isEqualTo(indexesBefore);
    }
}
