package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace carried to another store in one encrypted file: unreadable, complete, merged once, refused whole. */
class WorkspaceTransferTest extends StoreTestBase {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path elsewhere;

    private WorkbenchStore other;
    private Workspace acme;
    private EveryKind.Filled filled;
    private String secret;
    private Path file;

    @BeforeEach
    void exportAcme() {
        other = WorkbenchStore.open(elsewhere.resolve("store"), clock);
        acme = store.workspaces().create("Acme Bank");
        secret = "zq" + UUID.randomUUID().toString().replace("-", "");
        filled = EveryKind.fill(store, acme, secret, clock.instant());
        // (that another workspace's records stay out of the file: WorkspaceIsolationTest)
        file = elsewhere.resolve("acme.pwws");
        TransferResult out = store.transfer().export(acme.id(), file, PASSPHRASE);
        assertThat(out.records()).containsEntry("plan_capture", 1).containsEntry("advice_trial_run", 2)
                .containsEntry("workload_statement", 1);
    }

    @AfterEach
    void closeOther() {
        other.close();
    }

    @Test
    void theFileHoldsNoReadableQueryTextNorWorkspaceName() throws Exception {
        assertThat(Files.size(file)).isPositive();
        assertThat(WorkspaceLifecycleTest.occurrences(file, secret)).isZero();
        assertThat(WorkspaceLifecycleTest.occurrences(file, "Acme Bank")).isZero();
        assertThat(WorkspaceLifecycleTest.occurrences(file, "SELECT")).isZero();
        assertThat(new String(Files.readAllBytes(file), 0, 8, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("PWWSPACE");
    }

    @Test
    void aRoundTripIntoAnotherStoreBringsEveryRecordOfEveryTable() throws SQLException {
        TransferResult in = other.transfer().importFile(file, PASSPHRASE, null);

        assertThat(in.mergedInto()).isFalse();
        assertThat(in.workspace()).isEqualTo(acme);
        assertThat(in.totalAlreadyPresent()).isZero();
        assertThat(rowsOf(other, acme.id())).isEqualTo(rowsOf(store, acme.id()));
        EveryKind.assertCoversEverySchemaTable(other, acme.id());
        assertThat(other.workspaces().list()).containsExactly(acme);
        assertThat(other.savedQueries().list(acme.id())).containsExactly(filled.savedQuery());
        assertThat(other.planCaptures().load(acme.id(), filled.plan().id())).contains(filled.plan());
        assertThat(other.connectionProfiles().list(acme.id())).containsExactly(filled.profile());
        assertThat(other.learning().feedback().list(acme.id())).containsExactly(filled.feedback());
        assertThat(other.adviceRecords().trials(acme.id(), filled.recommendation().id()))
                .isEqualTo(store.adviceRecords().trials(acme.id(), filled.recommendation().id()));
        assertThat(other.learning().estimatorModels().deployed(acme.id()).orElseThrow().modelBytes())
                .containsExactly(1, 2, 3);
        assertThat(other.workspaces().recordCounts(acme.id())).isEqualTo(store.workspaces().recordCounts(acme.id()));
    }

    @Test
    void importingTwiceAddsNothingTheSecondTime() throws SQLException {
        TransferResult first = other.transfer().importFile(file, PASSPHRASE, null);
        Map<String, Long> after1 = rowsOf(other, acme.id());
        TransferResult second = other.transfer().importFile(file, PASSPHRASE, null);

        assertThat(second.mergedInto()).isTrue();
        assertThat(second.totalRecords()).isZero();
        assertThat(second.totalAlreadyPresent()).isEqualTo(first.totalRecords());
        assertThat(rowsOf(other, acme.id())).isEqualTo(after1);
        // and back into the store it came from: everything is already there
        TransferResult home = store.transfer().importFile(file, PASSPHRASE, null);
        assertThat(home.totalRecords()).isZero();
    }

    @Test
    void aNewRecordMadeElsewhereIsMergedInOnTheNextImport() {
        other.transfer().importFile(file, PASSPHRASE, null);
        SavedQuery added = store.savedQueries().save(SavedQuery.create(acme.id(), "added later", "SELECT 42"));
        store.transfer().export(acme.id(), file, PASSPHRASE);

        TransferResult again = other.transfer().importFile(file, PASSPHRASE, null);
        assertThat(again.records()).containsEntry("saved_query", 1);
        assertThat(other.savedQueries().list(acme.id())).contains(added);
    }

    @Test
    void aWrongPassphraseIsAClearErrorAndWritesNothing() {
        assertThatThrownBy(() -> other.transfer().importFile(file, "not the passphrase".toCharArray(), null))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID))
                .hasMessage("Cannot import the workspace file: the passphrase is wrong, or the file was changed or cut"
                        + " after it was written. Nothing was imported.");
        assertThat(other.workspaces().list()).isEmpty();
    }

    @Test
    void aChangedHeaderOrBodyOrACutFileIsRefusedWhole() throws Exception {
        byte[] good = Files.readAllBytes(file);
        byte[] body = good.clone();
        body[body.length / 2] ^= 0x01;
        byte[] header = good.clone();
        header[20] ^= 0x01; // inside the salt: authenticated as additional data
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 100);
        for (byte[] bad : new byte[][] {body, header, cut}) {
            Files.write(file, bad);
            assertThatThrownBy(() -> other.transfer().importFile(file, PASSPHRASE, null))
                    .isInstanceOf(StoreException.class).hasMessageContaining("Nothing was imported");
        }
        Files.write(file, "PK\u0003\u0004 a zip, not ours".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> other.transfer().importFile(file, PASSPHRASE, null))
                .hasMessageContaining("not a Planwright workspace file");
        assertThat(other.workspaces().list()).isEmpty();
    }

    @Test
    void aNameTakenByAnotherWorkspaceIsAConflictUnlessAnotherNameIsGiven() {
        Workspace local = other.workspaces().create("Acme Bank");
        assertThatThrownBy(() -> other.transfer().importFile(file, PASSPHRASE, null))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONFLICT))
                .hasMessageContaining("another workspace named \"Acme Bank\"");
        assertThat(other.workspaces().list()).containsExactly(local);

        TransferResult in = other.transfer().importFile(file, PASSPHRASE, "Acme Bank (laptop)");
        assertThat(in.workspace().name()).isEqualTo("Acme Bank (laptop)");
        assertThat(other.savedQueries().list(local.id())).isEmpty();
        assertThat(other.savedQueries().list(acme.id())).containsExactly(filled.savedQuery());
    }

    @Test
    void aShortPassphraseIsRefusedAtExport() {
        assertThatThrownBy(() -> store.transfer().export(acme.id(), elsewhere.resolve("x.pwws"), "short".toCharArray()))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID))
                .hasMessageContaining("at least 8 characters");
        assertThat(elsewhere.resolve("x.pwws")).doesNotExist();
    }

    static Map<String, Long> rowsOf(WorkbenchStore s, UUID workspaceId) throws SQLException {
        try (Connection c = s.dataSource().getConnection()) {
            WorkspaceTables tables = WorkspaceTables.read(c);
            Map<String, Long> out = new TreeMap<>();
            for (String t : tables.tables()) {
                out.put(t, Jdbc.one(c, rs -> rs.getLong(1), "SELECT COUNT(*) FROM " + t + " WHERE "
                        + tables.scope(t), workspaceId).orElseThrow());
            }
            return out;
        }
    }
}
