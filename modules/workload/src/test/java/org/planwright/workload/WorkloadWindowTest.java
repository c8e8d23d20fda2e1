package org.planwright.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadWindowTest {

    private static final StatementKey A = new StatementKey(10, 5, 111, true);
    private static final StatementKey B = new StatementKey(10, 5, 222, true);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-12-01T10:05:00Z");

    /** Counters of calls with the given execution times, as pg_stat_statements would keep them. */
    private static StatementCounters counters(StatementKey key, double... execMs) {
        double sum = 0;
        double squares = 0;
        for (double t : execMs) {
            sum += t;
            squares += t * t;
        }
        return new StatementCounters(key, "select " + key.queryId(), "db", execMs.length, sum, squares, 0,
                execMs.length, 10L * execMs.length, execMs.length, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void theWindowHoldsOnlyWhatHappenedInBetweenWithItsOwnSpread() {
        WorkloadSnapshot before = new WorkloadSnapshot(T0, 150000, List.of(counters(A, 1, 1, 1)), List.of());
        WorkloadSnapshot after = new WorkloadSnapshot(T1, 150000,
                List.of(counters(A, 1, 1, 1, 10, 20), counters(B, 4)), List.of());

        WorkloadWindow w = WorkloadWindow.between(before, after);

        assertThat(w.length().toMinutes()).isEqualTo(5);
        StatementCounters a = w.statements().stream().filter(s -> s.key().equals(A)).findFirst().orElseThrow();
        assertThat(a.calls()).isEqualTo(2);
        assertThat(a.totalExecMs()).isEqualTo(30);
        assertThat(a.meanExecMs()).isEqualTo(15);
        assertThat(a.stddevExecMs()).isCloseTo(5, offset(1e-9)); // population sd of {10, 20}
        assertThat(w.statements()).extracting(StatementCounters::key).containsExactlyInAnyOrder(A, B);
        assertThat(w.totalCalls()).isEqualTo(3);
    }

    @Test
    void aStatementWithoutCallsInTheWindowIsLeftOut() {
        WorkloadSnapshot before = new WorkloadSnapshot(T0, 0, List.of(counters(A, 1, 2)), List.of());
        WorkloadSnapshot after = new WorkloadSnapshot(T1, 0, List.of(counters(A, 1, 2)), List.of());
        assertThat(WorkloadWindow.between(before, after).statements()).isEmpty();
    }

    @Test
    void aResetInBetweenCountsTheNewCountersWhole() {
        WorkloadSnapshot before = new WorkloadSnapshot(T0, 0, List.of(counters(A, 5, 5, 5, 5)), List.of());
        WorkloadSnapshot after = new WorkloadSnapshot(T1, 0, List.of(counters(A, 7)), List.of());
        StatementCounters a = WorkloadWindow.between(before, after).statements().getFirst();
        assertThat(a.calls()).isEqualTo(1);
        assertThat(a.totalExecMs()).isEqualTo(7);
    }

    @Test
    void snapshotsOutOfOrderAreRefused() {
        WorkloadSnapshot s0 = new WorkloadSnapshot(T0, 0, List.of(), List.of());
        WorkloadSnapshot s1 = new WorkloadSnapshot(T1, 0, List.of(), List.of());
        assertThatThrownBy(() -> WorkloadWindow.between(s1, s0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after");
    }

    @Test
    void databaseCountersAreSubtractedToo() {
        DatabaseCounters d0 = new DatabaseCounters("db", 100, 1, 10, 90, 1000, 500, 10, 5, 1, 0, 0);
        DatabaseCounters d1 = new DatabaseCounters("db", 150, 1, 20, 180, 1600, 700, 30, 5, 1, 2, 8192);
        WorkloadWindow w = WorkloadWindow.between(new WorkloadSnapshot(T0, 0, List.of(), List.of(d0)),
                new WorkloadSnapshot(T1, 0, List.of(), List.of(d1)));
        DatabaseCounters d = w.databases().getFirst();
        assertThat(d.xactCommit()).isEqualTo(50);
        assertThat(d.tupInserted()).isEqualTo(20);
        assertThat(d.hitRatio()).isCloseTo(0.9, offset(1e-9));
        assertThat(d.tempBytes()).isEqualTo(8192);
    }

    @Test
    void combinedWindowsSumTheirCountersAndKeepTheSpread() {
        WorkloadWindow w1 = new WorkloadWindow(T0, T1, List.of(counters(A, 10, 20)), List.of());
        WorkloadWindow w2 = new WorkloadWindow(T1, T1.plusSeconds(300), List.of(counters(A, 30), counters(B, 1)),
                List.of());
        WorkloadWindow both = WorkloadWindow.combine(List.of(w2, w1));
        assertThat(both.start()).isEqualTo(T0);
        assertThat(both.end()).isEqualTo(T1.plusSeconds(300));
        StatementCounters a = both.statements().stream().filter(s -> s.key().equals(A)).findFirst().orElseThrow();
        assertThat(a.calls()).isEqualTo(3);
        assertThat(a.meanExecMs()).isEqualTo(20);
        assertThat(a.stddevExecMs()).isCloseTo(Math.sqrt(200.0 / 3), offset(1e-9)); // population sd of {10, 20, 30}
    }
}
