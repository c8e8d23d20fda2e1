package org.planwright.app.editor;

import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The SQL editor of one tab: a RichTextFX {@link CodeArea} with PostgreSQL highlighting, line numbers with a
 * marker on lines that have syntax problems, red wavy underlines and a tooltip with the problem's message.
 * It only binds to its {@link EditorTabViewModel}. FX thread only.
 */
public final class SqlEditorView extends VirtualizedScrollPane<CodeArea> {

    private final EditorTabViewModel viewModel;
    private final Popup tooltip = new Popup();
    private final Label tooltipLabel = new Label();
    private boolean pushingText;

    /** @param viewModel the tab's state */
    public SqlEditorView(EditorTabViewModel viewModel) {
        super(new CodeArea());
        this.viewModel = viewModel;
        CodeArea area = codeArea();
        area.getStyleClass().add("sql-editor");
        area.setId("sql-editor");
        area.replaceText(viewModel.textProperty().get());
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.requestFollowCaret();
        area.setParagraphGraphicFactory(gutter(area));

        area.textProperty().addListener((obs, old, now) -> {
            if (!pushingText) {
                pushingText = true;
                viewModel.textProperty().set(now);
                pushingText = false;
            }
            restyle();
        });
        viewModel.textProperty().addListener((obs, old, now) -> {
            if (!pushingText && !now.equals(area.getText())) {
                pushingText = true;
                area.replaceText(now);
                pushingText = false;
            }
        });
        area.caretPositionProperty().addListener((obs, old, now) -> viewModel.caretOffsetProperty().set(now));
        viewModel.caretRequestProperty().addListener((obs, old, now) -> {
            if (now != null) {
                area.moveTo(Math.min(now, area.getLength()));
                area.requestFollowCaret();
                area.requestFocus();
            }
        });
        viewModel.syntaxMarks().addListener((ListChangeListener<SyntaxMark>) c -> {
            restyle();
            area.setParagraphGraphicFactory(gutter(area));
        });
        installTooltip(area);
        restyle();
    }

    /** @return the code area, e.g. to focus it */
    public CodeArea codeArea() {
        return getContent();
    }

    private void restyle() {
        CodeArea area = codeArea();
        String text = area.getText();
        if (text.isEmpty()) {
            return;
        }
        List<SyntaxMark> marks = viewModel.syntaxMarks().stream()
                .filter(m -> m.startOffset() < text.length()).toList();
        area.setStyleSpans(0, SqlHighlighter.styleSpans(text, marks));
    }

    /** Line number plus a red marker on lines with a syntax problem (paragraph index is 0-based). */
    private IntFunction<Node> gutter(CodeArea area) {
        IntFunction<Node> numbers = LineNumberFactory.get(area);
        return paragraph -> {
            Node number = numbers.apply(paragraph);
            boolean marked = viewModel.syntaxMarks().stream().anyMatch(m -> m.line() == paragraph + 1);
            FontIcon icon = new FontIcon(Feather.ALERT_CIRCLE);
            icon.getStyleClass().add("syntax-marker");
            icon.setVisible(marked);
            HBox box = new HBox(2, icon, number);
            box.getStyleClass().add("editor-gutter");
            if (marked) {
                box.getStyleClass().add("has-problem");
                box.setUserData(paragraph + 1);
            }
            return box;
        };
    }

    private void installTooltip(CodeArea area) {
        tooltipLabel.getStyleClass().add("syntax-tooltip");
        tooltip.getContent().add(tooltipLabel);
        area.setMouseOverTextDelay(Duration.ofMillis(400));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            int at = e.getCharacterIndex();
            viewModel.syntaxMarks().stream()
                    .filter(m -> at >= m.startOffset() && at < Math.max(m.endOffset(), m.startOffset() + 1))
                    .findFirst()
                    .ifPresent(m -> {
                        Point2D pos = e.getScreenPosition();
                        tooltipLabel.setText("Line " + m.line() + ", column " + m.column() + ": " + m.message());
                        tooltip.show(area, pos.getX(), pos.getY() + 12);
                    });
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> tooltip.hide());
    }
}
