package org.planwright.sqltext;

/**
 * A run of text with one style.
 *
 * @param start offset of the first character (0-based, UTF-16 chars)
 * @param end   offset one past the last character; greater than {@code start}
 * @param style what the text is
 */
public record StyleRun(int start, int end, StyleClass style) {

    /** @return {@code end - start} */
    public int length() {
        return end - start;
    }
}
