package org.planwright.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.store.PlanCapture;
import org.planwright.store.PlanFormat;
import org.planwright.store.PlanMetrics;
import org.planwright.store.SavedQuery;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;

/** The Workspace menu's view model over real H2 stores, without a scene. */
class WorkspaceViewModelTest {

    @TempDir
    Path dir;

    private WorkbenchStore store;
    private SimpleObjectProperty<Workspace> active;
    private WorkspaceViewModel vm;

    @BeforeEach
    void open() {
        store = WorkbenchStore.open(dir.resolve("store"));
        Workspace demo = store.workspaces().create("Demo");
        active = new SimpleObjectProperty<>(demo);
        vm = new WorkspaceViewModel(new SameThreadExecutor(), () -> store, active);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private WorkspaceItem item(String name) {
        return vm.items().stream().filter(i -> i.workspace().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void newSwitchesToTheWorkspaceAndTheListCarriesRecordCounts() {
        vm.create("Acme");
        assertThat(active.get().name()).isEqualTo("Acme");
        store.savedQueries().save(SavedQuery.create(active.get().id(), "q", "SELECT 1"));
        store.planCaptures().save(PlanCapture.create(active.get().id(), null, "SELECT 1", "Result", PlanFormat.TEXT,
                null, null, "18.1", java.time.Instant.now(), PlanMetrics.UNKNOWN));
        vm.refresh();
        assertThat(item("Acme").records()).containsEntry("saved_query", 1L).containsEntry("plan_capture", 1L);
        assertThat(item("Acme").totalRecords()).isEqualTo(2);
        assertThat(vm.switchable()).extracting(i -> i.workspace().name()).containsExactly("Acme", "Demo");

        vm.switchTo(item("Demo"));
        assertThat(active.get().name()).isEqualTo("Demo");
        vm.create("Acme");
        assertThat(vm.messageProperty().get()).contains("already exists");
        assertThat(active.get().name()).isEqualTo("Demo");
    }

    @Test
    void renamingTheActiveWorkspaceKeepsItActiveUnderItsNewName() {
        vm.refresh();
        vm.rename(item("Demo"), "Demo (2026)");
        assertThat(active.get().name()).isEqualTo("Demo (2026)");
        assertThat(vm.items()).extracting(WorkspaceItem::label).containsExactly("Demo (2026)");
    }

    @Test
    void archiveHidesAndRestoreBringsBackButNeverTheActiveOne() {
        vm.create("Old client");
        vm.switchTo(item("Demo"));
        vm.archive(item("Old client"));
        assertThat(vm.switchable()).extracting(WorkspaceItem::label).containsExactly("Demo");
        assertThat(vm.archived()).extracting(WorkspaceItem::label).containsExactly("Old client (archived)");
        vm.restore(item("Old client"));
        assertThat(vm.archived()).isEmpty();

        vm.archive(item("Demo"));
        assertThat(vm.messageProperty().get()).startsWith("Switch to another workspace");
        assertThat(store.workspaces().isArchived(active.get().id())).isFalse();
    }

    @Test
    void theDeleteConfirmationNamesTheCountsAndDeleteRemovesTheWorkspace() {
        vm.create("Ended");
        Workspace ended = active.get();
        store.savedQueries().save(SavedQuery.create(ended.id(), "q1", "SELECT 1"));
        store.savedQueries().save(SavedQuery.create(ended.id(), "q2", "SELECT 2"));
        vm.refresh();
        assertThat(vm.deleteConfirmation(item("Ended"))).isNull(); // the active one
        vm.switchTo(item("Demo"));

        assertThat(vm.deleteConfirmation(item("Ended")))
                .startsWith("Delete workspace \"Ended\" and its 2 records (2 saved queries) for good?");
        vm.delete(item("Ended"));
        assertThat(vm.items()).extracting(WorkspaceItem::label).containsExactly("Demo");
        assertThat(store.workspaces().find(ended.id())).isEmpty();
        assertThat(vm.messageProperty().get()).contains("deleted with its 2 records");
    }

    @Test
    void exportAndImportThroughAPassphraseReachAnotherStoreAndAWrongOneSaysSo() {
        store.savedQueries().save(SavedQuery.create(active.get().id(), "q", "SELECT 'client secret'"));
        vm.refresh();
        Path file = dir.resolve("demo.pwws");
        char[] passphrase = "a good passphrase".toCharArray();
        vm.export(item("Demo"), file, passphrase);
        assertThat(passphrase).containsOnly('\0');
        assertThat(vm.messageProperty().get()).contains("exported").contains("1 records");

        try (WorkbenchStore laptop = WorkbenchStore.open(dir.resolve("laptop"))) {
            Workspace own = laptop.workspaces().create("Demo");
            SimpleObjectProperty<Workspace> there = new SimpleObjectProperty<>(own);
            WorkspaceViewModel other = new WorkspaceViewModel(new SameThreadExecutor(), () -> laptop, there);
            other.importFile(file, "wrong passphrase".toCharArray(), "demo");
            assertThat(other.messageProperty().get()).contains("passphrase is wrong");
            other.importFile(file, "a good passphrase".toCharArray(), "Demo (from the office)");
            assertThat(other.messageProperty().get()).isEqualTo("Imported workspace \"Demo (from the office)\": 1"
                    + " records added, 0 already here.");
            assertThat(other.items()).extracting(WorkspaceItem::label).containsExactly("Demo",
                    "Demo (from the office)");
        }
    }
}
