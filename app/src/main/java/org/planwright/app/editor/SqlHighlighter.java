package org.planwright.app.editor;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.planwright.sqltext.SqlHighlighting;
import org.planwright.sqltext.StyleClass;
import org.planwright.sqltext.StyleRun;

/**
 * Turns SQL text into RichTextFX style spans: the style runs of {@link SqlHighlighting} as CSS classes
 * {@code "sql-" + StyleClass.cssClass()} ({@code sql-keyword}, {@code sql-string}, {@code sql-comment}...; see
 * {@code planwright.css}), plus {@code syntax-error} over the ranges of {@link SyntaxMark}s. Stateless and thread-safe.
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
        for (StyleRun run : SqlHighlighting.styleRuns(text)) {
            if (run.start() > pos) {
                b.add(List.of(), run.start() - pos);
            }
            b.add(run.style() == StyleClass.PLAIN ? List.of() : List.of("sql-" + run.style().cssClass()),
                    run.length());
            pos = run.end();
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
}
