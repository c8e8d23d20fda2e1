package org.planwright.sqltext;

/** What a run of editor text is, for syntax highlighting. Each has a CSS class name. */
public enum StyleClass {
    /** A PostgreSQL key word (see {@link SqlKeywords#isKeyword}). */
    KEYWORD("keyword"),
    /** A built-in type name such as {@code int}, {@code timestamptz}, {@code jsonb}. */
    TYPE("type"),
    /** A built-in function name followed by {@code (}, such as {@code count(} or {@code now(}. */
    FUNCTION("function"),
    /** A string constant, dollar-quoted body or inline COPY data. */
    STRING("string"),
    /** A numeric constant. */
    NUMBER("number"),
    /** A line or block comment. */
    COMMENT("comment"),
    /** Any other unquoted word: table, column, alias, user function. */
    IDENTIFIER("identifier"),
    /** A "double-quoted" identifier. */
    QUOTED_IDENTIFIER("quoted-identifier"),
    /** A positional parameter {@code $1}. */
    PARAMETER("parameter"),
    /** Operators and punctuation: {@code = < :: , ( ) ;}. */
    OPERATOR("operator"),
    /** A psql meta-command line such as {@code \d t}. */
    META_COMMAND("meta-command"),
    /** A string, quoted identifier or comment that is never closed. */
    ERROR("error"),
    /** Whitespace. */
    PLAIN("plain");

    private final String cssClass;

    StyleClass(String cssClass) {
        this.cssClass = cssClass;
    }

    /** @return the CSS class name, e.g. {@code "quoted-identifier"} (prefix it as the stylesheet needs) */
    public String cssClass() {
        return cssClass;
    }
}
