package org.planwright.app.workload;

import java.time.ZoneId;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the Workload page in its own window (Connection › Workload…). FX thread only. */
public final class WorkloadWindowOpener {

    private WorkloadWindowOpener() {
    }

    /**
     * @param owner the main window
     * @param vm    the page's view model; {@link WorkloadViewModel#open()} is called
     * @return the shown stage
     */
    public static Stage open(Window owner, WorkloadViewModel vm) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Workload — Planwright");
        Scene scene = new Scene(new WorkloadView(vm, ZoneId.systemDefault()), 1300, 820);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        vm.open();
        return stage;
    }
}
