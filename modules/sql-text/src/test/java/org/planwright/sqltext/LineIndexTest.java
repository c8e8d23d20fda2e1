package org.planwright.sqltext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineIndexTest {

    private final String text = "ab\r\ncd\n\nefg";
    private final LineIndex index = new LineIndex(text);

    @Test
    void linesAndColumnsAreOneBased() {
        assertThat(index.lineCount()).isEqualTo(4);
        assertThat(index.line(0)).isEqualTo(1);
        assertThat(index.column(0)).isEqualTo(1);
        assertThat(index.line(text.indexOf('c'))).isEqualTo(2);
        assertThat(index.column(text.indexOf('d'))).isEqualTo(2);
        assertThat(index.line(text.indexOf('e'))).isEqualTo(4);
    }

    @Test
    void carriageReturnBelongsToItsLine() {
        assertThat(index.line(text.indexOf('\r'))).isEqualTo(1);
        assertThat(index.column(text.indexOf('\r'))).isEqualTo(3);
    }

    @Test
    void offsetIsTheInverseAndClamps() {
        assertThat(index.offset(2, 2)).isEqualTo(text.indexOf('d'));
        assertThat(index.offset(99, 1)).isEqualTo(text.indexOf('e'));
        assertThat(index.offset(4, 99)).isEqualTo(text.length());
        assertThat(index.line(-5)).isEqualTo(1);
        assertThat(index.line(1000)).isEqualTo(4);
    }

    @Test
    void emptyTextHasOneLine() {
        LineIndex empty = new LineIndex("");
        assertThat(empty.lineCount()).isEqualTo(1);
        assertThat(empty.line(0)).isEqualTo(1);
        assertThat(empty.column(0)).isEqualTo(1);
    }
}
