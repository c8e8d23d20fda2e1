package org.planwright.tuning.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** "The last change still in effect": the run of the latest APPLIED/KEPT event, parameters undone since left out. */
class LastChangeTest {

    private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");
    private static final UUID RUN1 = UUID.randomUUID();
    private static final UUID RUN2 = UUID.randomUUID();

    private static ChangeEvent e(int s, String p, String from, String to, ChangeEvent.Action a, UUID run) {
        return new ChangeEvent(T.plusSeconds(s), "dba", "db:5432", p, from, to, "reload", a, "", run);
    }

    @Test
    void theLatestRunIsUndoneAsAWhole() {
        List<ChangeEvent> h = List.of(
                e(0, "work_mem", "4MB", "8MB", ChangeEvent.Action.APPLIED, RUN1),
                e(1, "work_mem", "4MB", "8MB", ChangeEvent.Action.KEPT, RUN1),
                e(5, "random_page_cost", "4", "1.1", ChangeEvent.Action.APPLIED, RUN2),
                e(5, "shared_buffers", "128MB", "1GB", ChangeEvent.Action.PREPARED, RUN2),
                e(6, "effective_io_concurrency", "1", "200", ChangeEvent.Action.APPLIED, RUN2),
                e(7, "other", "1", "2", ChangeEvent.Action.APPLIED, UUID.randomUUID()).withServer("elsewhere:5432"));
        assertThat(LastChange.inEffect(h, "db:5432")).extracting(ChangeEvent::parameter)
                .containsExactly("random_page_cost", "effective_io_concurrency");
    }

    @Test
    void aRevertedRunGivesWayToThePreviousOneAndNothingLeftIsEmpty() {
        List<ChangeEvent> h = List.of(
                e(0, "work_mem", "4MB", "8MB", ChangeEvent.Action.KEPT, RUN1),
                e(5, "random_page_cost", "4", "1.1", ChangeEvent.Action.APPLIED, RUN2),
                e(9, "random_page_cost", "1.1", "4", ChangeEvent.Action.REVERTED, RUN2));
        assertThat(LastChange.inEffect(h, "db:5432")).extracting(ChangeEvent::parameter).containsExactly("work_mem");
        assertThat(LastChange.inEffect(List.of(h.get(1), h.get(2)), "db:5432")).isEmpty();
    }
}
