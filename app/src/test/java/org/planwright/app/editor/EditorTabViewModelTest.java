package org.planwright.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.sqltext.StatementKind;

class EditorTabViewModelTest {

    @Test
    void statementAtCaretIsTheOneTheCaretSitsIn() {
        EditorTabViewModel tab = new EditorTabViewModel("Query 1", "SELECT 1;\nUPDATE film SET rental_rate = 1;\nSELECT 3;");
        tab.caretOffsetProperty().set("SELECT 1;\nUPD".length());

        assertThat(tab.statementAtCaret()).hasValueSatisfying(s -> {
            assertThat(s.text()).isEqualTo("UPDATE film SET rental_rate = 1");
            assertThat(s.kind()).isEqualTo(StatementKind.UPDATE);
            assertThat(s.line()).isEqualTo(2);
        });
        assertThat(tab.allStatements()).hasSize(3);
    }

    @Test
    void editingMakesTheTabDirtyAndTheTitleShowsIt() {
        EditorTabViewModel tab = new EditorTabViewModel("Query 1", "SELECT 1");
        assertThat(tab.dirtyProperty().get()).isFalse();
        assertThat(tab.titleProperty().get()).isEqualTo("Query 1");

        tab.textProperty().set("SELECT 2");

        assertThat(tab.dirtyProperty().get()).isTrue();
        assertThat(tab.titleProperty().get()).isEqualTo("Query 1 *");
    }

    @Test
    void saveWritesUtf8AndCleansTheTabAndLoadReadsItBack(@TempDir Path dir) throws IOException {
        EditorTabViewModel tab = new EditorTabViewModel("Query 1", "");
        tab.textProperty().set("SELECT 'ünïcode';");
        Path file = dir.resolve("q.sql");

        tab.saveTo(file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("SELECT 'ünïcode';");
        assertThat(tab.dirtyProperty().get()).isFalse();
        assertThat(tab.titleProperty().get()).isEqualTo("q.sql");

        EditorTabViewModel other = new EditorTabViewModel("Query 2", "");
        other.load(file);
        assertThat(other.textProperty().get()).isEqualTo("SELECT 'ünïcode';");
        assertThat(other.dirtyProperty().get()).isFalse();
    }

    @Test
    void aFailedLoadKeepsTheTabAsItWas(@TempDir Path dir) {
        EditorTabViewModel tab = new EditorTabViewModel("Query 1", "SELECT 1");

        assertThatThrownBy(() -> tab.load(dir.resolve("missing.sql"))).isInstanceOf(IOException.class);

        assertThat(tab.textProperty().get()).isEqualTo("SELECT 1");
        assertThat(tab.fileProperty().get()).isNull();
    }

    @Test
    void jumpToLineAndColumnRequestsTheMatchingOffset() {
        EditorTabViewModel tab = new EditorTabViewModel("Query 1", "SELECT 1;\nSELECT\n  FROM x;");

        tab.jumpTo(3, 3);

        assertThat(tab.caretRequestProperty().get()).isEqualTo("SELECT 1;\nSELECT\n  ".length());

        tab.jumpTo(2, 99);
        assertThat(tab.caretRequestProperty().get()).isEqualTo("SELECT 1;\nSELECT".length());
    }
}
