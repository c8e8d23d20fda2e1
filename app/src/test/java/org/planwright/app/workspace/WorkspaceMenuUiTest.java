package org.planwright.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.store.SavedQuery;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Workspace menu in a real scene (Monocle headless) over a real store: opening it lists workspaces with counts. */
class WorkspaceMenuUiTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private WorkbenchStore store;

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            FxToolkit.setupFixture(() -> stage.close());
        }
        store.close();
    }

    @Test
    void openingTheMenuListsTheWorkspacesWithTheirCountsAndSwitchingSetsTheActiveOne() throws Exception {
        store = WorkbenchStore.open(dir);
        Workspace demo = store.workspaces().create("Demo");
        Workspace acme = store.workspaces().create("Acme");
        store.savedQueries().save(SavedQuery.create(acme.id(), "q1", "SELECT 1"));
        store.savedQueries().save(SavedQuery.create(acme.id(), "q2", "SELECT 2"));
        SimpleObjectProperty<Workspace> active = new SimpleObjectProperty<>(demo);
        WorkspaceMenu[] menu = new WorkspaceMenu[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            WorkspaceViewModel vm = new WorkspaceViewModel(new SameThreadExecutor(), () -> store, active);
            stage = new Stage();
            menu[0] = new WorkspaceMenu(stage, vm);
            stage.setScene(new Scene(new BorderPane(null, new MenuBar(menu[0]), null, null, null), 700, 400));
            stage.show();
        });
        robot.clickOn("Workspace");
        WaitForAsyncUtils.waitForFxEvents();
        MenuItem switchTo = menu[0].getItems().getFirst();
        assertThat(((javafx.scene.control.Menu) switchTo).getItems()).extracting(MenuItem::getText)
                .containsExactly("Acme  (2 records)", "Demo  (0 records)");
        RadioMenuItem demoItem = (RadioMenuItem) ((javafx.scene.control.Menu) switchTo).getItems().get(1);
        assertThat(demoItem.isSelected()).isTrue();
        robot.clickOn("Switch to");
        robot.clickOn("Acme  (2 records)");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> active.get().id().equals(acme.id()));
        assertThat(active.get().name()).isEqualTo("Acme");
    }
}
