package org.planwright.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.planwright.testsupport.Corpus;

class EditorTabsViewModelTest {

    @Test
    void newTabsAreNumberedAndSelected() {
        EditorTabsViewModel tabs = new EditorTabsViewModel();
        EditorTabViewModel first = tabs.newTab("");
        EditorTabViewModel second = tabs.newTab("");

        assertThat(first.titleProperty().get()).isEqualTo("Query 1");
        assertThat(second.titleProperty().get()).isEqualTo("Query 2");
        assertThat(tabs.selectedProperty().get()).isSameAs(second);
    }

    @Test
    void openingAFileTwiceSelectsTheExistingTab() throws IOException {
        Path q1 = Corpus.resolve("sql/tpch/queries/q1.sql");
        EditorTabsViewModel tabs = new EditorTabsViewModel();

        EditorTabViewModel opened = tabs.open(q1);
        tabs.newTab("");
        EditorTabViewModel again = tabs.open(q1);

        assertThat(again).isSameAs(opened);
        assertThat(tabs.tabs()).hasSize(2);
        assertThat(tabs.selectedProperty().get()).isSameAs(opened);
        assertThat(opened.textProperty().get()).isEqualTo(Files.readString(q1));
        assertThat(opened.allStatements()).isNotEmpty();
    }

    @Test
    void closingTheSelectedTabSelectsItsNeighbour() {
        EditorTabsViewModel tabs = new EditorTabsViewModel();
        EditorTabViewModel a = tabs.newTab("");
        EditorTabViewModel b = tabs.newTab("");
        EditorTabViewModel c = tabs.newTab("");
        tabs.selectedProperty().set(b);

        tabs.close(b);

        assertThat(tabs.tabs()).containsExactly(a, c);
        assertThat(tabs.selectedProperty().get()).isSameAs(c);
        tabs.close(c);
        tabs.close(a);
        assertThat(tabs.selectedProperty().get()).isNull();
    }
}
