package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planwright.testsupport.Corpus;

class SavedQueriesTest extends StoreTestBase {

    private Workspace w;

    @BeforeEach
    void workspace() {
        w = store.workspaces().create("TPC-H tuning");
    }

    @Test
    void theTwentyTwoTpchQueriesImportInOneGoAndComeBackCharacterForCharacter() throws IOException {
        List<SavedQuery> imported = new ArrayList<>();
        for (Path f : Corpus.files("sql/tpch/queries", 22, ".sql")) {
            imported.add(SavedQuery.create(w.id(), "TPC-H " + f.getFileName().toString().replace(".sql", ""),
                    Corpus.read(f)));
        }
        assertThat(imported).hasSize(22);

        List<SavedQuery> stored = store.savedQueries().saveAll(imported);

        assertThat(stored).extracting(SavedQuery::id).containsExactlyElementsOf(imported.stream().map(SavedQuery::id).toList());
        for (SavedQuery original : imported) {
            SavedQuery back = store.savedQueries().find(w.id(), original.id()).orElseThrow();
            assertThat(back.sql()).isEqualTo(original.sql());
            assertThat(back.name()).isEqualTo(original.name());
        }
        assertThat(store.savedQueries().list(w.id())).hasSize(22);
    }

    @Test
    void anUpdateKeepsCreatedAtAndMovesUpdatedAt() {
        SavedQuery first = store.savedQueries().save(SavedQuery.create(w.id(), "late orders",
                "SELECT * FROM orders WHERE o_orderdate < now()"));
        Instant t0 = Instant.parse("2026-11-23T09:00:00.123456Z");
        assertThat(first.createdAt()).isEqualTo(t0);
        assertThat(first.updatedAt()).isEqualTo(t0);

        clock.advance(Duration.ofMillis(1500));
        SavedQuery second = store.savedQueries().save(first.withText("late orders (30 days)",
                "SELECT * FROM orders WHERE o_orderdate < now() - interval '30 days'"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.createdAt()).isEqualTo(t0);
        assertThat(second.updatedAt()).isEqualTo(t0.plusMillis(1500));
        assertThat(store.savedQueries().list(w.id())).containsExactly(second);
    }

    @Test
    void aBatchWithOneFailingQueryLeavesNothingBehind() throws Exception {
        SavedQuery good = SavedQuery.create(w.id(), "good", "SELECT 1");
        SavedQuery orphan = SavedQuery.create(UUID.randomUUID(), "belongs to a deleted workspace", "SELECT 2");
        // the first insert has run inside the transaction when the second one fails
        assertThatThrownBy(() -> store.savedQueries().saveAll(List.of(good, orphan)))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
        assertThat(rows("saved_query")).isZero();
        assertThat(store.savedQueries().list(w.id())).isEmpty();
    }

    @Test
    void aBatchThatWouldOverwriteAnotherWorkspacesQueryLeavesNothingBehind() throws Exception {
        Workspace other = store.workspaces().create("other client");
        SavedQuery theirs = store.savedQueries().save(SavedQuery.create(other.id(), "theirs", "SELECT 'theirs'"));
        SavedQuery existing = store.savedQueries().save(SavedQuery.create(w.id(), "ours", "SELECT 'ours'"));

        List<SavedQuery> batch = List.of(existing.withText("ours, edited", "SELECT 'edited'"),
                SavedQuery.create(w.id(), "new", "SELECT 'new'"),
                new SavedQuery(theirs.id(), w.id(), "stolen", "SELECT 'stolen'", null, null));
        assertThatThrownBy(() -> store.savedQueries().saveAll(batch))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT));

        assertThat(store.savedQueries().list(w.id())).containsExactly(existing);
        assertThat(store.savedQueries().list(other.id())).containsExactly(theirs);
        assertThat(rows("saved_query")).isEqualTo(2);
    }

    @Test
    void aBlankSqlTextIsRefusedNamingTheQueryAndItsPlaceInTheBatch() throws Exception {
        List<SavedQuery> batch = List.of(SavedQuery.create(w.id(), "fine", "SELECT 1"),
                SavedQuery.create(w.id(), "empty one", " \n "));
        assertThatThrownBy(() -> store.savedQueries().saveAll(batch))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID))
                .hasMessage("The SQL text of saved query #2 \"empty one\" is empty.");
        assertThat(rows("saved_query")).isZero();
    }

    @Test
    void deleteHidesTheQueryButKeepsATombstone() throws Exception {
        SavedQuery q = store.savedQueries().save(SavedQuery.create(w.id(), "q", "SELECT 1"));
        assertThat(store.savedQueries().delete(w.id(), q.id())).isTrue();
        assertThat(store.savedQueries().list(w.id())).isEmpty();
        assertThat(store.savedQueries().find(w.id(), q.id())).isEmpty();
        assertThat(rows("saved_query")).isEqualTo(1);
        assertThat(timestamp("saved_query", "deleted_at", q.id())).isNotNull();
    }
}
