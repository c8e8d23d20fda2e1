package org.planwright.app.plan.source;

import java.util.Collection;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.layout.BorderPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.planwright.app.editor.SqlHighlighter;
import org.planwright.app.plan.DeferredUpdate;
import org.planwright.app.plan.PlanViewModel;
import org.planwright.plans.PlanNode;

/**
 * A read-only text view with line numbers: either the raw plan (as pasted or returned), where the selected
 * node's lines are highlighted (style class "selected-node-line") and scrolled into view when
 * {@link PlanSourceLines} knows them, or the query, highlighted as SQL. FX thread only.
 */
public final class PlanTextView extends BorderPane {

    /** Which text the view shows. */
    public enum Kind { RAW_PLAN, QUERY }

    private final PlanViewModel vm;
    private final Kind kind;
    private final CodeArea area = new CodeArea();
    private final ObservableValue<String> text;
    private final DeferredUpdate updates = new DeferredUpdate(this::update);

    /**
     * @param vm   the plan view's state
     * @param kind raw plan or query
     */
    public PlanTextView(PlanViewModel vm, Kind kind) {
        this.vm = vm;
        this.kind = kind;
        setId(kind == Kind.RAW_PLAN ? "plan-raw" : "plan-query");
        area.setEditable(false);
        area.getStyleClass().addAll("sql-editor", kind == Kind.RAW_PLAN ? "plan-raw" : "plan-query");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        setCenter(new VirtualizedScrollPane<>(area));
        text = kind == Kind.RAW_PLAN ? vm.rawTextProperty() : vm.statementProperty();
        text.addListener((obs, old, now) -> updates.request());
        if (kind == Kind.RAW_PLAN) {
            vm.selectedNodeProperty().addListener((obs, old, now) -> {
                if (updates.active() && !updates.stale()) {
                    highlight(now);
                }
            });
        }
        updates.request();
    }

    /**
     * A view out of sight (its tab not selected) only notes changes and applies them when it becomes active:
     * the raw text of a 2,000-partition plan is megabytes that need not be laid out unless someone reads it.
     *
     * @param on true when the view is shown
     */
    public void setActive(boolean on) {
        updates.setActive(on);
    }

    private void update() {
        show(text.getValue());
        if (kind == Kind.RAW_PLAN) {
            highlight(vm.selectedNodeProperty().get());
        }
    }

    /** @return the text area (tests look at it) */
    public CodeArea area() {
        return area;
    }

    private void show(String text) {
        String t = text == null ? "" : text;
        if (t.isEmpty()) {
            area.replaceText(kind == Kind.RAW_PLAN ? "" : "-- the query is not known for this plan");
            return;
        }
        area.replaceText(t);
        if (kind == Kind.QUERY) {
            StyleSpans<Collection<String>> spans = SqlHighlighter.styleSpans(t, List.of());
            area.setStyleSpans(0, spans);
        }
        area.moveTo(0);
        area.showParagraphAtTop(0);
    }

    private void highlight(PlanNode node) {
        if (area.getLength() > 0) {
            area.clearStyle(0, area.getLength());
        }
        if (node == null) {
            return;
        }
        vm.sourceLines().range(node.id()).ifPresent(r -> {
            if (r.end() <= area.getLength()) {
                area.setStyle(r.start(), r.end(), List.of("selected-node-line"));
                area.moveTo(r.start());
                area.showParagraphAtTop(Math.max(0, r.firstLine() - 3));
            }
        });
    }
}
