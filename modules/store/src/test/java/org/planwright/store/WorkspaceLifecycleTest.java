package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Archive and restore; delete for good: every row of every workspace table, tombstones' text, the file's bytes. */
class WorkspaceLifecycleTest extends StoreTestBase {

    @Test
    void anArchivedWorkspaceLeavesTheListKeepsItsRecordsAndComesBackOnRestore() {
        Workspace w = store.workspaces().create("Ended engagement");
        Workspace other = store.workspaces().create("Ongoing");
        EveryKind.fill(store, w, "arch", clock.instant());
        clock.advance(Duration.ofMinutes(1));

        Workspace archived = store.workspaces().archive(w.id());
        assertThat(archived.updatedAt()).isAfter(w.updatedAt());
        assertThat(store.workspaces().list()).containsExactly(other);
        assertThat(store.workspaces().listArchived()).extracting(Workspace::id).containsExactly(w.id());
        assertThat(store.workspaces().isArchived(w.id())).isTrue();
        assertThat(store.workspaces().find(w.id())).isPresent();
        assertThat(store.savedQueries().list(w.id())).hasSize(1);

        store.workspaces().restore(w.id());
        assertThat(store.workspaces().list()).extracting(Workspace::name).containsExactly("Ended engagement", "Ongoing");
        assertThat(store.workspaces().listArchived()).isEmpty();
        assertThatThrownBy(() -> store.workspaces().archive(UUID.randomUUID()))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
    }

    @Test
    void recordCountsNameEveryWorkspaceTableAndSkipTombstones() {
        Workspace w = store.workspaces().create("Acme");
        EveryKind.Filled f = EveryKind.fill(store, w, "count", clock.instant());
        store.savedQueries().save(SavedQuery.create(w.id(), "second", "SELECT 2"));
        store.savedQueries().delete(w.id(), f.savedQuery().id());

        Map<String, Long> counts = store.workspaces().recordCounts(w.id());
        assertThat(counts).containsEntry("saved_query", 1L).containsEntry("plan_capture", 1L)
                .containsEntry("advice_trial", 1L).containsEntry("workload_window", 1L)
                .containsKeys("connection_profile", "query_history", "trial_outcome", "pattern_counter", "feedback",
                        "estimator_model", "config_change", "config_snapshot", "advice_recommendation");
        assertThat(store.workspaces().recordCounts(store.workspaces().create("Empty").id()).values())
                .containsOnly(0L);
    }

    @Test
    void theFixtureFillsEveryTableOfTheSchemaThatHoldsWorkspaceRecords() throws SQLException {
        Workspace w = store.workspaces().create("Acme");
        EveryKind.fill(store, w, "cover", clock.instant());
        EveryKind.assertCoversEverySchemaTable(store, w.id());
    }

    @Test
    void deleteRemovesEveryRowOfTheWorkspaceInEveryTableAndNothingOfAnother() throws SQLException {
        Workspace gone = store.workspaces().create("Ended engagement");
        Workspace kept = store.workspaces().create("Ongoing engagement");
        EveryKind.fill(store, gone, "gone", clock.instant());
        EveryKind.fill(store, kept, "kept", clock.instant());
        Map<String, Long> keptBefore = rowsOf(kept.id());

        assertThat(store.workspaces().delete(gone.id())).isTrue();
        assertThat(store.workspaces().delete(gone.id())).isFalse();

        assertThat(rowsOf(gone.id()).values()).containsOnly(0L);
        assertThat(rowsOf(kept.id())).isEqualTo(keptBefore);
        assertThat(keptBefore).allSatisfy((table, n) -> {
            if (!WorkspaceTables.NOT_RECORDS.contains(table)) {
                assertThat(n).as("rows of the kept workspace in " + table).isPositive();
            }
        });
        // the sync outbox of the deleted workspace (its rows' text as JSON) is gone with it
        assertThat(rowsOf(gone.id())).containsKey("sync_outbox");
        assertThat(store.workspaces().list()).containsExactly(kept);
        // the store still works after the compaction reopened the file
        assertThat(store.savedQueries().list(kept.id())).hasSize(1);
    }

    @Test
    void aTableAddedLaterIsCoveredByDeleteWithoutBeingNamedInTheCode() throws SQLException {
        Workspace gone = store.workspaces().create("Ended");
        Workspace kept = store.workspaces().create("Kept");
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            // a future migration's table, without a foreign key, and a child table below it
            s.execute("CREATE TABLE future_note (id UUID PRIMARY KEY, workspace_id UUID NOT NULL, note VARCHAR(100))");
            s.execute("CREATE TABLE future_note_line (note_id UUID NOT NULL REFERENCES future_note (id), line INT)");
            for (Workspace w : List.of(gone, kept)) {
                UUID id = UUID.randomUUID();
                s.execute("INSERT INTO future_note VALUES ('" + id + "', '" + w.id() + "', 'note of " + w.name() + "')");
                s.execute("INSERT INTO future_note_line VALUES ('" + id + "', 1)");
            }
        }
        store.workspaces().delete(gone.id());
        assertThat(rows("future_note")).isEqualTo(1);
        assertThat(rows("future_note_line")).isEqualTo(1);
        assertThat(store.workspaces().recordCounts(kept.id())).containsEntry("future_note", 1L);
    }

    @Test
    void noDeletedQueryTextStaysReadableInTheH2FileOrItsBackups() throws IOException, SQLException {
        Workspace gone = store.workspaces().create("Confidential client");
        Workspace kept = store.workspaces().create("Other client");
        String secret = "zq" + UUID.randomUUID().toString().replace("-", "");
        EveryKind.fill(store, gone, secret, clock.instant());
        EveryKind.Filled other = EveryKind.fill(store, kept, "keptword", clock.instant());
        // a tombstoned record of the kept workspace: its text goes too
        String tombstoned = "tomb" + UUID.randomUUID().toString().replace("-", "");
        SavedQuery q = store.savedQueries().save(SavedQuery.create(kept.id(), "old", "SELECT '" + tombstoned + "'"));
        store.savedQueries().delete(kept.id(), q.id());
        store.close();
        store = WorkbenchStore.open(dir, clock); // the text is on disk now
        assertThat(occurrences(store.databaseFile(), secret)).as("before delete").isPositive();
        // a copy as the schema upgrade takes one (H2 BACKUP into backups/): it holds the text too, compressed
        Path backup = dir.resolve(SchemaMigrator.BACKUP_FOLDER).resolve("planwright-before-v99.zip");
        Files.createDirectories(backup.getParent());
        try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("BACKUP TO '" + backup.toString().replace("'", "''") + "'");
        }
        assertThat(unzippedOccurrences(backup, secret)).as("in the backup, before delete").isPositive();

        store.workspaces().delete(gone.id());

        assertThat(occurrences(store.databaseFile(), secret)).as("while open, after delete").isZero();
        assertThat(occurrences(store.databaseFile(), tombstoned)).isZero();
        store.close();
        store = WorkbenchStore.open(dir, clock);
        for (Path p : filesIn(dir)) {
            assertThat(occurrences(p, secret)).as(p.toString()).isZero();
            if (p.getFileName().toString().endsWith(".zip")) {
                assertThat(unzippedOccurrences(p, secret)).as(p + ", unzipped").isZero();
            }
        }
        assertThat(Files.exists(backup)).as("the pre-upgrade backup holding the deleted records").isFalse();
        assertThat(store.savedQueries().list(kept.id())).extracting(SavedQuery::sql)
                .containsExactly(other.queryText());
    }

    private Map<String, Long> rowsOf(UUID workspaceId) throws SQLException {
        try (Connection c = store.dataSource().getConnection()) {
            WorkspaceTables tables = WorkspaceTables.read(c);
            Map<String, Long> out = new java.util.TreeMap<>();
            for (String t : tables.tables()) {
                out.put(t, Jdbc.one(c, rs -> rs.getLong(1), "SELECT COUNT(*) FROM " + t + " WHERE "
                        + tables.scope(t), workspaceId).orElseThrow());
            }
            return out;
        }
    }

    static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    /** Counts the text in every entry of a zip file, uncompressed. */
    static long unzippedOccurrences(Path zip, String text) throws IOException {
        long n = 0;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            while (in.getNextEntry() != null) {
                Path entry = Files.createTempFile("planwright-unzipped", ".bin");
                try {
                    Files.write(entry, in.readAllBytes());
                    n += occurrences(entry, text);
                } finally {
                    Files.delete(entry);
                }
            }
        }
        return n;
    }

    /** Counts the text in the file's raw bytes, as UTF-8 and as UTF-16 (either could hold a Java string). */
    static int occurrences(Path file, String text) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return count(bytes, text.getBytes(StandardCharsets.UTF_8)) + count(bytes, text.getBytes(StandardCharsets.UTF_16BE))
                + count(bytes, text.getBytes(StandardCharsets.UTF_16LE));
    }

    private static int count(byte[] hay, byte[] needle) {
        int n = 0;
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            n++;
        }
        return n;
    }
}
