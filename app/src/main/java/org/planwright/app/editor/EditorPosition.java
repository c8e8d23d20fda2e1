package org.planwright.app.editor;

import org.planwright.sqltext.SqlStatement;
import org.planwright.targetdb.ErrorPosition;

/**
 * Maps a position inside a statement (as the server reports it) to the editor text the statement was cut from.
 *
 * @param line   1-based editor line
 * @param column 1-based editor column
 * @param offset 0-based offset in the editor text
 */
public record EditorPosition(int line, int column, int offset) {

    /**
     * @param statement the statement as cut from the editor text (its line, column and start offset)
     * @param position  a position within {@code statement.text()}
     * @return the position in the editor text
     */
    public static EditorPosition of(SqlStatement statement, ErrorPosition position) {
        int line = statement.line() + position.line() - 1;
        int column = position.line() == 1 ? statement.column() + position.column() - 1 : position.column();
        return new EditorPosition(line, column, statement.startOffset() + position.offset());
    }
}
