package org.planwright.app.editor;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.planwright.sqltext.SqlLexer;
import org.planwright.sqltext.SqlToken;

/**
 * Turns SQL text into RichTextFX style spans: one CSS class per token ({@code sql-keyword},
 * {@code sql-string}, {@code sql-comment}...; see {@code planwright.css}), plus {@code syntax-error} over
 * the ranges of {@link SyntaxMark}s. Stateless and thread-safe.
 */
public final class SqlHighlighter {

    private SqlHighlighter() {
    }

    /**
     * @param text  the editor text
     * @param marks syntax problems to underline (offsets into {@code text}); may be empty
     * @return spans covering exactly {@code text.length()} characters
     */
    public static StyleSpans<Collection<String>> styleSpans(String text, List<SyntaxMark> marks) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int pos = 0;
        for (SqlToken t : SqlLexer.tokenize(text)) {
            if (t.start() > pos) {
                b.add(List.of(), t.start() - pos);
            }
            String cls = styleClass(t);
            b.add(cls == null ? List.of() : List.of(cls), t.end() - t.start());
            pos = t.end();
        }
        if (pos < text.length() || pos == 0) {
            b.add(List.of(), text.length() - pos);
        }
        StyleSpans<Collection<String>> spans = b.create();
        for (SyntaxMark m : marks) {
            int start = Math.clamp(m.startOffset(), 0, text.length());
            int end = Math.clamp(Math.max(m.endOffset(), start + 1), 0, text.length());
            if (end <= start) {
                continue;
            }
            StyleSpansBuilder<Collection<String>> overlay = new StyleSpansBuilder<>();
            if (start > 0) {
                overlay.add(List.of(), start);
            }
            overlay.add(List.of("syntax-error"), end - start);
            if (end < text.length()) {
                overlay.add(List.of(), text.length() - end);
            }
            spans = spans.overlay(overlay.create(), (a, c) -> {
                if (c.isEmpty()) {
                    return a;
                }
                java.util.ArrayList<String> both = new java.util.ArrayList<>(a);
                both.addAll(c);
                return both;
            });
        }
        return spans;
    }

    private static String styleClass(SqlToken t) {
        return switch (t.type()) {
            case WORD -> "sql-word";
            case QUOTED_IDENTIFIER -> "sql-identifier";
            case STRING -> "sql-string";
            case NUMBER -> "sql-number";
            case COMMENT -> "sql-comment";
            case PARAMETER -> "sql-parameter";
            case OPERATOR -> "sql-operator";
            case OPEN_PAREN, CLOSE_PAREN, SEMICOLON -> "sql-punctuation";
            case META_COMMAND -> "sql-meta";
            case UNTERMINATED -> "sql-unterminated";
            case WHITESPACE -> null;
        };
    }
}
