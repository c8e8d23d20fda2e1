package org.planwright.sqltext;

/**
 * One lexical token of PostgreSQL SQL text.
 *
 * @param type  what the token is
 * @param start offset of its first character in the scanned text (0-based, UTF-16 chars)
 * @param end   offset one past its last character
 * @param text  the token's characters, exactly as in the source
 */
public record SqlToken(Type type, int start, int end, String text) {

    /** Token categories, as PostgreSQL's scanner (scan.l) distinguishes them. */
    public enum Type {
        /** A word: keyword or unquoted identifier (tell them apart with {@link SqlKeywords}). */
        WORD,
        /** A "double-quoted" identifier. */
        QUOTED_IDENTIFIER,
        /**
         * A string constant: '...', E'...', U&amp;'...', B'...', X'...', or $tag$...$tag$; also a block of psql
         * inline COPY data (see {@link SqlLexer}).
         */
        STRING,
        /** A numeric constant. */
        NUMBER,
        /** A -- line comment or a (possibly nested) block comment. */
        COMMENT,
        /** A positional parameter such as $1. */
        PARAMETER,
        /** An operator or punctuation other than ';', '(' and ')'. */
        OPERATOR,
        /** '(' */
        OPEN_PAREN,
        /** ')' */
        CLOSE_PAREN,
        /** ';' ends a statement; so does psql's {@code \;}, which sends both statements in one query string. */
        SEMICOLON,
        /** A psql meta-command such as \d or \set, up to the end of its line. */
        META_COMMAND,
        /** Spaces, tabs and line breaks. */
        WHITESPACE,
        /** A string, quoted identifier or comment that is never closed; runs to the end of the text. */
        UNTERMINATED
    }

    /** @return true for tokens that carry no meaning for the parser: whitespace and comments */
    public boolean isTrivia() {
        return type == Type.WHITESPACE || type == Type.COMMENT;
    }

    /** @return true if this is a {@link Type#WORD} equal to {@code word}, ignoring case */
    public boolean isWord(String word) {
        return type == Type.WORD && text.equalsIgnoreCase(word);
    }
}
