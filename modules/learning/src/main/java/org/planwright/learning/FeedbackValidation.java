package org.planwright.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.planwright.store.Feedbacks;

/**
 * The feedback form's rules, with messages a DBA can act on. A draft may break them (it is saved as typed, so
 * nothing is lost when the form is closed half filled); submitting needs all of them to hold:
 * a rating of 1 to 5 stars; before/after times, when given, are numbers of milliseconds &ge; 0 (a decimal point or
 * comma, an optional "ms"), both or neither; a comment of at most {@link Feedbacks#COMMENT_MAX} characters.
 * Stateless.
 */
public final class FeedbackValidation {

    /**
     * One problem with one field.
     *
     * @param field   "rating", "beforeMs", "afterMs" or "comment"
     * @param message what is wrong and what to type instead
     */
    public record Problem(String field, String message) {
    }

    private FeedbackValidation() {
    }

    /** @return the problems that block submitting, in form order; empty when it may be submitted */
    public static List<Problem> validate(Integer rating, String beforeMs, String afterMs, String comment) {
        List<Problem> out = new ArrayList<>();
        if (rating == null) {
            out.add(new Problem("rating", "Choose a rating from 1 to 5 stars."));
        } else if (rating < 1 || rating > 5) {
            out.add(new Problem("rating", "The rating must be 1 to 5 stars."));
        }
        Double before = time(out, "beforeMs", "before", beforeMs);
        Double after = time(out, "afterMs", "after", afterMs);
        if (out.stream().noneMatch(p -> p.field().endsWith("Ms"))) {
            if (before == null && after != null) {
                out.add(new Problem("beforeMs", "Enter the time before as well, or clear the time after."));
            } else if (before != null && after == null) {
                out.add(new Problem("afterMs", "Enter the time after as well, or clear the time before."));
            } else if (before != null && before == 0) {
                out.add(new Problem("beforeMs", "The time before must be more than 0 ms to compute an improvement."));
            }
        }
        if (comment != null && comment.length() > Feedbacks.COMMENT_MAX) {
            out.add(new Problem("comment", "The comment is " + comment.length() + " characters long; at most "
                    + Feedbacks.COMMENT_MAX + " are kept."));
        }
        return out;
    }

    /**
     * @param text what was typed, e.g. "120", "120.5", "120,5 ms"; blank = not given
     * @return the milliseconds, or null when blank
     * @throws NumberFormatException when it is not such a number
     */
    public static Double parseMillis(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            t = t.substring(0, t.length() - 2).strip();
        }
        return Double.valueOf(t.replace(',', '.'));
    }

    private static Double time(List<Problem> out, String field, String label, String text) {
        try {
            Double v = parseMillis(text);
            if (v != null && (!Double.isFinite(v) || v < 0)) {
                out.add(new Problem(field, "The time " + label + " must be 0 ms or more."));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            out.add(new Problem(field, "The time " + label + " must be a number of milliseconds, e.g. 125.4; got \""
                    + text.strip() + "\"."));
            return null;
        }
    }
}
