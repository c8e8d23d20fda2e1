package org.planwright.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class SqlHighlighterTest {

    @Test
    void spansCoverTheWholeTextAndClassifyStringsCommentsAndNumbers() {
        String sql = "SELECT 'x', 42 -- note\nFROM t;";

        StyleSpans<Collection<String>> spans = SqlHighlighter.styleSpans(sql, List.of());

        assertThat(spans.length()).isEqualTo(sql.length());
        assertThat(classesAt(spans, sql.indexOf("'x'"))).contains("sql-string");
        assertThat(classesAt(spans, sql.indexOf("42"))).contains("sql-number");
        assertThat(classesAt(spans, sql.indexOf("-- note"))).contains("sql-comment");
    }

    @Test
    void syntaxMarksAddTheErrorClassOnlyOverTheirRange() {
        String sql = "SELECT 1;\nSELEC 2;";
        int at = sql.indexOf("SELEC 2");
        SyntaxMark mark = new SyntaxMark(at, at + 5, 2, 1, "syntax error at or near \"SELEC\"", "server");

        StyleSpans<Collection<String>> spans = SqlHighlighter.styleSpans(sql, List.of(mark));

        assertThat(spans.length()).isEqualTo(sql.length());
        assertThat(classesAt(spans, at)).contains("syntax-error");
        assertThat(classesAt(spans, at + 4)).contains("syntax-error");
        assertThat(classesAt(spans, at + 6)).doesNotContain("syntax-error");
        assertThat(classesAt(spans, 0)).doesNotContain("syntax-error");
    }

    @Test
    void emptyTextGivesNoStyledCharacters() {
        assertThat(SqlHighlighter.styleSpans("", List.of()).length()).isZero();
    }

    private static Collection<String> classesAt(StyleSpans<Collection<String>> spans, int offset) {
        int pos = 0;
        for (StyleSpan<Collection<String>> s : spans) {
            if (offset < pos + s.getLength()) {
                return new ArrayList<>(s.getStyle());
            }
            pos += s.getLength();
        }
        return List.of();
    }
}
