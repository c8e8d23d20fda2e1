package org.planwright.advice.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.advice.Cancellation;
import org.planwright.advice.Sessions;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * {@link TrialedIndexAdvice} on the embedded PostgreSQL 18 (rolled-back builds for the advice and the trials), on
 * {@link WorkloadTrialTest}'s table: {@code a = 1} rows hold the largest {@code b} values, rows in random order, and
 * {@code c = b}. The "slowed" statement filters {@code a = 1 OR id < 0} (no index on {@code a} can serve an OR with
 * another column) and orders by {@code b} with LIMIT 10: with an index on {@code b} the planner walks it expecting
 * ten matches early and reads almost the whole table in random order. The "helped" statement ranges over {@code b}
 * (41 rows) and {@code c} (401 rows): the advisor's first choice is {@code (b)}, the more selective; {@code (c)}
 * also serves it, without touching the slowed statement.
 */
@ExtendWith(PostgresExtension.class)
class TrialedIndexAdviceTest {

    private static final String SLOWED = "SELECT id, b FROM wt_t WHERE (a = 1 OR id < 0) ORDER BY b LIMIT 10";
    private static final String HELPED = "SELECT count(*), sum(a) FROM wt_t WHERE b BETWEEN 1000 AND 1040 "
            + "AND c BETWEEN 1000 AND 1400";

    private static TrialedIndexAdvice.Outcome run(PostgresFixture pg, String db, List<WorkloadStatement> workload)
            throws Exception {
        try (TargetSession a = Sessions.analysis(pg, db);
             TargetSession s = Sessions.readWrite(pg, db, Duration.ofSeconds(30))) {
            return new TrialedIndexAdvice().run(a, s, workload, IndexAdviceOptions.defaults()
                            .withRolledBackBuilds(true), null, WorkloadTrial.Options.defaults(),
                    TrialedIndexAdvice.DEFAULT_ROUNDS, (f, m) -> { }, Cancellation.create());
        }
    }

    @Test
    void anAdvisedIndexThatSlowsAStatementIsReplacedByOneThatDoesNot(PostgresFixture pg) throws Exception {
        String db = WorkloadTrialTest.database(pg);
        List<WorkloadStatement> workload = List.of(WorkloadStatement.of("slowed", SLOWED),
                WorkloadStatement.of("helped", HELPED));
        TrialedIndexAdvice.Outcome o = run(pg, db, workload);
        assertThat(o.rounds()).as(o.toString()).hasSizeGreaterThanOrEqualTo(2);
        TrialedIndexAdvice.Round first = o.rounds().getFirst();
        // an index leading with b (its INCLUDE list, if any, is the advisor's choice)
        TrialIndexOutcome rejected = first.trial().indexes().stream()
                .filter(x -> x.index().keys().getFirst().equals("b")).findFirst().orElseThrow();
        IndexCandidate onB = rejected.index();
        assertThat(rejected.rejected()).as(first.trial().toString()).contains("slowed").contains("slower");
        assertThat(rejected.hurt()).containsExactly("slowed");
        assertThat(o.rejected()).extracting(TrialIndexOutcome::index).contains(onB);
        TrialedIndexAdvice.Round second = o.rounds().get(1);
        assertThat(second.excluded()).contains(onB);
        assertThat(second.advice().chosen()).extracting(c -> c.candidate().keys().getFirst()).doesNotContain("b");
        // the winner: a replacement that speeds up "helped" and slows nothing
        TrialedIndexAdvice.Round best = o.best();
        assertThat(o.chosen()).isPositive();
        assertThat(best.measuredBenefit()).isGreaterThan(first.measuredBenefit()).isPositive();
        assertThat(best.trial().kept()).isNotEmpty().allMatch(c -> c.keys().getFirst().equals("c"));
        assertThat(best.trial().statements()).noneMatch(TrialStatementTime::slowedBySet);
        assertThat(best.trial().statements().get(1).faster()).as(best.trial().toString()).isTrue();
        for (TrialedIndexAdvice.Round r : o.rounds()) {
            assertThat(r.trial().statements()).as("every round's kept set slows no statement")
                    .noneMatch(TrialStatementTime::slowedBySet);
        }
    }

    @Test
    void anAdvisedSetThatSlowsNoStatementIsMeasuredOnceAndKeptWhole(PostgresFixture pg) throws Exception {
        String db = WorkloadTrialTest.database(pg);
        // a = 1 without the OR: the advisor's partial index on (b) WHERE a = 1 reads the ten rows directly
        List<WorkloadStatement> workload = List.of(WorkloadStatement.of("limit", WorkloadTrialTest.SLOWED),
                WorkloadStatement.of("range", WorkloadTrialTest.HELPED));
        TrialedIndexAdvice.Outcome o = run(pg, db, workload);
        assertThat(o.rounds()).as(o.toString()).hasSize(1);
        assertThat(o.chosen()).isZero();
        assertThat(o.rejected()).isEmpty();
        TrialedIndexAdvice.Round r = o.best();
        assertThat(r.advice().chosen()).isNotEmpty();
        assertThat(r.trial().kept()).containsExactlyElementsOf(r.advice().chosen().stream()
                .map(IndexAdvice.ChosenIndex::candidate).toList());
        assertThat(r.trial().statements()).noneMatch(TrialStatementTime::slowedBySet);
        assertThat(r.measuredBenefit()).isPositive();
    }
}
