package org.planwright.app.editor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.planwright.sqltext.SqlScript;
import org.planwright.sqltext.SqlStatement;

/**
 * State of one editor tab: its SQL text, caret, file, dirty flag and the syntax problems currently marked.
 * The view pushes text and caret changes in; commands read the statement under the caret.
 *
 * <p>Thread rules: FX application thread only (or the test thread with {@code SameThreadExecutor}).
 */
public final class EditorTabViewModel {

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final IntegerProperty caretOffset = new SimpleIntegerProperty(this, "caretOffset", 0);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final StringProperty untitledName;
    private final StringBinding title;
    private final ObservableList<SyntaxMark> syntaxMarks = FXCollections.observableArrayList();
    /** Requests from the view model to the view to move the caret (jump to an error), as an offset. */
    private final ObjectProperty<Integer> caretRequest = new SimpleObjectProperty<>(this, "caretRequest");

    /**
     * @param untitledName tab title while no file is attached, e.g. "Query 1"
     * @param initialText  text to start with (not dirty)
     */
    public EditorTabViewModel(String untitledName, String initialText) {
        this.untitledName = new SimpleStringProperty(untitledName);
        text.set(initialText == null ? "" : initialText);
        text.addListener((obs, old, now) -> dirty.set(true));
        title = Bindings.createStringBinding(
                () -> (file.get() == null ? this.untitledName.get() : file.get().getFileName().toString())
                        + (dirty.get() ? " *" : ""),
                file, dirty, this.untitledName);
    }

    /** @return the editor text; the view keeps it in sync with the code area */
    public StringProperty textProperty() {
        return text;
    }

    /** @return caret offset in {@link #textProperty()} (0-based UTF-16 chars); the view keeps it in sync */
    public IntegerProperty caretOffsetProperty() {
        return caretOffset;
    }

    /** @return the file this tab was opened from or saved to; null while untitled */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** @return true when the text changed since it was opened or saved */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    /** @return tab title: file name or untitled name, with " *" when dirty */
    public StringBinding titleProperty() {
        return title;
    }

    /** @return the syntax problems currently marked in this tab (replaced as a whole after each check) */
    public ObservableList<SyntaxMark> syntaxMarks() {
        return syntaxMarks;
    }

    /** @return offsets the view should move its caret to; set by {@link #jumpTo(int, int)} */
    public ObjectProperty<Integer> caretRequestProperty() {
        return caretRequest;
    }

    /** @return the statement under the caret, as Ctrl+Enter / Ctrl+E use it; empty when the text has none */
    public Optional<SqlStatement> statementAtCaret() {
        return SqlScript.statementAt(text.get(), Math.min(caretOffset.get(), text.get().length()));
    }

    /** @return all statements of the text in order, as run all uses them */
    public List<SqlStatement> allStatements() {
        return SqlScript.split(text.get());
    }

    /**
     * Asks the view to place the caret at a 1-based line and column (clamped to the text).
     *
     * @param line   1-based line
     * @param column 1-based column
     */
    public void jumpTo(int line, int column) {
        String s = text.get();
        int offset = 0;
        for (int l = 1; l < line && offset < s.length(); l++) {
            int nl = s.indexOf('\n', offset);
            if (nl < 0) {
                offset = s.length();
                break;
            }
            offset = nl + 1;
        }
        int lineEnd = s.indexOf('\n', offset);
        int max = lineEnd < 0 ? s.length() : lineEnd;
        int target = Math.min(offset + Math.max(0, column - 1), max);
        caretRequest.set(null);
        caretRequest.set(target);
    }

    /**
     * Loads a file into this tab (UTF-8) and attaches it; the tab is clean afterwards.
     *
     * @param path file to read
     * @throws IOException when it cannot be read
     */
    public void load(Path path) throws IOException {
        String content = Files.readString(path, StandardCharsets.UTF_8);
        text.set(content);
        file.set(path);
        dirty.set(false);
    }

    /**
     * Writes the text to {@code path} (UTF-8), attaches the file and clears the dirty flag.
     *
     * @param path target file
     * @throws IOException when it cannot be written; the tab stays dirty
     */
    public void saveTo(Path path) throws IOException {
        Files.writeString(path, text.get(), StandardCharsets.UTF_8);
        file.set(path);
        dirty.set(false);
    }

    /** Marks the current text as the clean state (e.g. the demo script just opened). */
    public void markClean() {
        dirty.set(false);
    }
}
