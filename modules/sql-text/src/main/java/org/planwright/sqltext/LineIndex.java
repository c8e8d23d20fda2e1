package org.planwright.sqltext;

import java.util.Arrays;

/**
 * Maps character offsets of a text to 1-based line and column numbers and back. Lines end at '\n'; a '\r'
 * before it belongs to the line. Immutable and thread-safe.
 */
public final class LineIndex {

    private final int[] lineStarts;
    private final int length;

    /** @param text the text to index; must not be null */
    public LineIndex(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        lineStarts = new int[count];
        int k = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[k++] = i + 1;
            }
        }
        length = text.length();
    }

    /** @return 1-based line of {@code offset} (clamped to the text) */
    public int line(int offset) {
        int o = Math.clamp(offset, 0, length);
        int idx = Arrays.binarySearch(lineStarts, o);
        return idx >= 0 ? idx + 1 : -idx - 1;
    }

    /** @return 1-based column of {@code offset} */
    public int column(int offset) {
        int o = Math.clamp(offset, 0, length);
        return o - lineStarts[line(o) - 1] + 1;
    }

    /**
     * @param line   1-based line; clamped to the text
     * @param column 1-based column
     * @return the offset, clamped to the text's length
     */
    public int offset(int line, int column) {
        int l = Math.clamp(line, 1, lineStarts.length);
        return Math.clamp((long) lineStarts[l - 1] + column - 1, 0, length);
    }

    /** @return number of lines (at least 1) */
    public int lineCount() {
        return lineStarts.length;
    }
}
