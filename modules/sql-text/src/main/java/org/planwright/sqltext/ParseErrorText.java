package org.planwright.sqltext;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;

/**
 * Turns JSqlParser's {@link ParseException} (a JavaCC error with the offending token and the expected token
 * kinds) into a short positioned message such as {@code unexpected FROM, expected a name or (}.
 */
final class ParseErrorText {

    /** Lists of expected tokens longer than this are left out of the message: they help nobody. */
    private static final int MAX_EXPECTED = 6;

    private ParseErrorText() {
    }

    static LexicalCheck.Finding finding(String input, ParseException pe) {
        Token bad = pe.currentToken == null ? null : pe.currentToken.next;
        String expected = expected(pe);
        LineIndex lines = new LineIndex(input);
        // JavaCC positions are 1-based line/column with a tab counting one column (JSqlParser's tab size is 1)
        int start = bad == null ? input.length() : lines.offset(bad.beginLine, bad.beginColumn);
        if (bad == null || bad.kind == 0 || start >= lastNonBlank(input)) {
            int end = lastNonBlank(input);
            start = Math.max(0, end - 1);
            while (start > 0 && !Character.isWhitespace(input.charAt(start - 1))) {
                start--;
            }
            return new LexicalCheck.Finding(start, Math.max(end, start + 1),
                    "unexpected end of statement" + expected);
        }
        int end = Math.clamp(lines.offset(bad.endLine, bad.endColumn) + 1L, start + 1, input.length());
        if (start == firstNonBlank(input)) {
            // JSqlParser backed up to the first word: either no statement starts so, or nothing after it fitted
            return new LexicalCheck.Finding(start, end, isKeyword(bad, pe)
                    ? "the SQL parser does not understand this " + describe(bad, pe) + " statement"
                    : describe(bad, pe) + " does not start a statement");
        }
        return new LexicalCheck.Finding(start, end, "unexpected " + describe(bad, pe) + expected);
    }

    private static boolean isKeyword(Token bad, ParseException pe) {
        return pe.tokenImage != null && bad.kind < pe.tokenImage.length && pe.tokenImage[bad.kind].startsWith("<K_");
    }

    private static String describe(Token bad, ParseException pe) {
        String image = bad.image == null ? "" : bad.image.strip().replaceAll("\\s+", " ");
        if (isKeyword(bad, pe)) {
            return image.toUpperCase(Locale.ROOT);
        }
        if (image.isEmpty()) {
            String kind = pe.tokenImage != null && bad.kind < pe.tokenImage.length ? pe.tokenImage[bad.kind] : "";
            String friendly = friendly(kind);
            return friendly.isEmpty() ? "token" : friendly;
        }
        if (image.length() > 40) {
            image = image.substring(0, 37) + "...";
        }
        return "\"" + image + "\"";
    }

    private static String expected(ParseException pe) {
        if (pe.expectedTokenSequences == null || pe.tokenImage == null) {
            return "";
        }
        Set<String> words = new LinkedHashSet<>();
        for (int[] sequence : pe.expectedTokenSequences) {
            if (sequence.length > 0 && sequence[0] < pe.tokenImage.length) {
                words.add(friendly(pe.tokenImage[sequence[0]]));
            }
        }
        words.remove("");
        if (words.isEmpty() || words.size() > MAX_EXPECTED) {
            return "";
        }
        StringBuilder b = new StringBuilder(", expected ");
        int i = 0;
        for (String w : words) {
            if (i > 0) {
                b.append(i == words.size() - 1 ? " or " : ", ");
            }
            b.append(w);
            i++;
        }
        return b.toString();
    }

    /** JavaCC token images look like {@code <K_FROM>}, {@code <S_IDENTIFIER>} or {@code "+"}. */
    private static String friendly(String image) {
        if (image.startsWith("\"") && image.endsWith("\"") && image.length() > 1) {
            return image.substring(1, image.length() - 1);
        }
        return switch (image) {
            case "<EOF>" -> "end of statement";
            case "<ST_SEMICOLON>" -> ";";
            case "<S_IDENTIFIER>", "<S_QUOTED_IDENTIFIER>" -> "a name";
            case "<S_CHAR_LITERAL>" -> "a string";
            case "<S_LONG>", "<S_DOUBLE>", "<S_HEX>" -> "a number";
            case "<OPENING_BRACKET>" -> "(";
            case "<CLOSING_BRACKET>" -> ")";
            default -> image.startsWith("<K_") ? image.substring(3, image.length() - 1).replace('_', ' ')
                    : image.startsWith("<") ? "" : image;
        };
    }

    private static int firstNonBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lastNonBlank(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
