package org.planwright.app.plan.graph;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.planwright.app.error.ErrorReporter;

/**
 * The graph's tool bar: zoom out / in / 100 % / fit, expand all, "Colour by" (a choice box) with the colour
 * scale legend, and Export (PNG image, SVG). FX thread only.
 */
final class GraphToolBar extends ToolBar {

    private final PlanGraphViewModel vm;
    private final PlanGraphView view;
    private final HBox legend = new HBox(2);

    GraphToolBar(PlanGraphViewModel vm, PlanGraphView view) {
        this.vm = vm;
        this.view = view;
        getStyleClass().add("graph-toolbar");
        Button out = button(Feather.ZOOM_OUT, "Zoom out (Ctrl+wheel)", "graph-zoom-out", () -> vm.zoomBy(0.8));
        Button in = button(Feather.ZOOM_IN, "Zoom in (Ctrl+wheel)", "graph-zoom-in", () -> vm.zoomBy(1.25));
        Button actual = new Button("1:1");
        actual.setTooltip(new Tooltip("Actual size (100 %)"));
        actual.setOnAction(e -> vm.zoomProperty().set(1.0));
        Button fit = button(Feather.MAXIMIZE, "Fit the graph", "graph-fit", view::fit);
        Button expand = button(Feather.CHEVRONS_DOWN, "Expand all collapsed nodes", "graph-expand-all", vm::expandAll);
        Label zoomText = new Label();
        zoomText.textProperty().bind(vm.zoomProperty().multiply(100).asString("%.0f %%"));
        zoomText.setMinWidth(44);

        ChoiceBox<GraphColouring> colourBy = new ChoiceBox<>();
        colourBy.setId("graph-colour-by");
        colourBy.getItems().setAll(GraphColouring.values());
        colourBy.valueProperty().bindBidirectional(vm.colouringProperty());
        legend.getStyleClass().add("graph-legend");
        vm.colouringProperty().addListener((obs, old, now) -> legend(now));
        legend(vm.colouringProperty().get());

        MenuItem png = new MenuItem("PNG image…");
        png.setOnAction(e -> export("PNG image", "*.png", this::writePng));
        MenuItem svg = new MenuItem("SVG…");
        svg.setOnAction(e -> export("SVG", "*.svg", this::writeSvg));
        MenuButton export = new MenuButton("Export", new FontIcon(Feather.DOWNLOAD), png, svg);
        export.setId("graph-export");

        getItems().addAll(out, zoomText, in, actual, fit, new Separator(), expand, new Separator(),
                new Label("Colour by"), colourBy, legend, new Separator(), export);
    }

    private void legend(GraphColouring colouring) {
        List<String> texts = colouring.legend();
        legend.getChildren().clear();
        for (int i = 0; i < texts.size(); i++) {
            Label l = new Label(texts.get(i));
            l.getStyleClass().addAll("legend-step", GraphColouring.styleClass(i));
            legend.getChildren().add(l);
        }
    }

    private interface FileWriter {
        void write(PlanGraphLayout layout, Path file) throws IOException;
    }

    private void export(String kind, String pattern, FileWriter writer) {
        PlanGraphLayout layout = vm.layoutProperty().get();
        if (layout == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the graph as " + kind);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialFileName("plan-graph" + pattern.substring(1));
        var file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            writer.write(layout, file.toPath());
        } catch (IOException | RuntimeException e) {
            new ErrorReporter(getScene().getWindow()).show("Could not export the graph to " + file.getName(), e);
        }
    }

    private void writePng(PlanGraphLayout layout, Path file) throws IOException {
        GraphImageExport.writePng(layout, vm.colouringProperty().get(), getScene().getStylesheets(), file);
    }

    private void writeSvg(PlanGraphLayout layout, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            GraphSvgWriter.write(layout, vm.colouringProperty().get(), w);
        }
    }

    private static Button button(Feather icon, String tip, String id, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
