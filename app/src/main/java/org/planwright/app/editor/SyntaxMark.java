package org.planwright.app.editor;

/**
 * A syntax problem marked in the editor.
 *
 * @param startOffset first character of the marked range (0-based, in the editor text)
 * @param endOffset   one past the last marked character; at least {@code startOffset + 1} unless the text is empty
 * @param line        1-based line of {@code startOffset}
 * @param column      1-based column of {@code startOffset}
 * @param message     what is wrong, for the tooltip and the message area
 * @param source      who found it: "parser" (JSqlParser) or "server" (PostgreSQL)
 */
public record SyntaxMark(int startOffset, int endOffset, int line, int column, String message, String source) {
}
