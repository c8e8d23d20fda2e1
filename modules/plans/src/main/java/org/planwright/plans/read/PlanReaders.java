package org.planwright.plans.read;

import org.planwright.plans.Plan;
import org.planwright.plans.PlanParseException;

/**
 * Format detection behind {@link org.planwright.plans.PlanParser}: picks the reader for a pasted plan (JSON fast
 * path, psql framing cleaned by {@link SourceCleaner}, then XML, YAML, MySQL tree, MySQL JSON, PostgreSQL JSON,
 * a CSV-quoted JSON cell, H2, JSON after a psql preamble, else the text format). Stateless and thread-safe.
 */
public final class PlanReaders {

    private PlanReaders() {
    }

    /**
     * Detects the format of a pasted plan and reads it.
     *
     * @param text the pasted plan; not null
     * @return the plan as read, before {@link Plan} derives its values
     * @throws PlanParseException as {@link org.planwright.plans.PlanParser#parse(String)} documents
     */
    public static RawPlan read(String text) {
        if (opensJson(text)) {
            try { // fast path for JSON as PostgreSQL writes it: no line split, no copy of a text of many MB
                return new JsonPlanReader().readUtf8(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (PlanParseException framedOrBroken) {
                // psql framing ("+" marks, borders) is never valid JSON, so it lands here and is cleaned below;
                // for broken JSON the reading below gives the same error, positioned in the cleaned lines
            }
        }
        String[] lines = SourceCleaner.clean(text);
        int first = firstContentLine(lines);
        if (first < 0) {
            throw new PlanParseException(1, 1, "expected a plan (EXPLAIN output, text or JSON) but the text is empty");
        }
        String head = lines[first].strip();
        if (head.startsWith("<")) {
            return new XmlPlanReader().read(String.join("\n", lines));
        }
        if (startsYaml(head)) {
            return new YamlPlanReader().read(String.join("\n", lines));
        }
        if (MySqlTreePlanReader.looksLikeMySqlTree(head)) {
            return new MySqlTreePlanReader(lines).read();
        }
        if (startsJson(head, 0) && MySqlJsonPlanReader.looksLikeMySqlJson(text)) {
            return new MySqlJsonPlanReader().read(String.join("\n", lines));
        }
        if (startsJson(head, 0)) {
            return parseJson(lines);
        }
        if (head.startsWith("\"") && startsJson(head, 1)) {
            return parseJson(unquoteCsvCell(lines, first));
        }
        if (H2PlanReader.looksLikeH2(head, text)) {
            return new H2PlanReader(String.join("\n", lines)).read();
        }
        int start = planAfterPreamble(lines, first);
        if (start > 0) {
            String[] rest = lines.clone(); // same line count: error positions point into the paste
            java.util.Arrays.fill(rest, 0, start, "");
            blankTrailingPrompts(rest);
            String opening = rest[start].strip();
            if (opening.startsWith("<")) {
                return new XmlPlanReader().read(String.join("\n", rest));
            }
            if (startsYaml(opening)) {
                return new YamlPlanReader().read(String.join("\n", rest));
            }
            return parseJson(rest);
        }
        return new TextPlanReader(lines).read();
    }

    /**
     * An XML, YAML or JSON plan pasted after some session text (the shell or psql prompt and the EXPLAIN command,
     * psql's "db-#" continuation lines, "SET"): the first line that opens such a plan ("&lt;explain", "&lt;?xml",
     * "- Plan:", or JSON followed by a "Plan" key), if it comes before any text-plan node line; else -1.
     */
    private static int planAfterPreamble(String[] lines, int first) {
        for (int i = first; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.startsWith("->") || t.contains("(cost=") || t.contains("(actual ")) {
                return -1;
            }
            if (t.startsWith("<explain") || t.startsWith("<?xml") || t.equals("- Plan:")) {
                return i;
            }
            if (startsJson(t, 0)) {
                for (int j = i; j < lines.length; j++) {
                    if (lines[j].contains("\"Plan\"")) {
                        return i;
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    /**
     * Blanks the prompt lines a terminal copy ends with ("db=# ", "$ "), which follow the plan and psql's "(1 row)"
     * footer; stops at the first line that is not one.
     */
    private static void blankTrailingPrompts(String[] lines) {
        for (int i = lines.length - 1; i >= 0; i--) {
            String t = lines[i].strip();
            if (!t.isEmpty() && !isPrompt(t)) {
                return;
            }
            lines[i] = "";
        }
    }

    /**
     * A prompt on a line of its own: a shell's ("$", "#", "%", "user@host:~$") or psql's default ones ("db=#",
     * "db=>", "db-#", "db(#", "db=*#", "db=!#", after PostgreSQL's PROMPT1 / PROMPT2 "%/%R%x%# ").
     */
    static boolean isPrompt(String t) {
        if (t.equals("$") || t.equals("#") || t.equals("%") || t.equals(">")) {
            return true;
        }
        if (t.length() < 2 || t.indexOf(' ') >= 0) {
            return false;
        }
        char end = t.charAt(t.length() - 1);
        if (end != '#' && end != '>' && end != '$') {
            return false;
        }
        String before = t.substring(0, t.length() - 1);
        while (!before.isEmpty() && "*!?".indexOf(before.charAt(before.length() - 1)) >= 0) {
            before = before.substring(0, before.length() - 1); // psql's %x: in a transaction, failed, unknown
        }
        return !before.isEmpty() && ("=-'\"(^".indexOf(before.charAt(before.length() - 1)) >= 0
                || (end == '$' && (before.contains("@") || before.contains(":"))));
    }

    private static RawPlan parseJson(String[] lines) {
        return new JsonPlanReader().read(String.join("\n", lines));
    }

    /** pgAdmin / CSV export: the whole JSON in one quoted cell with doubled quotes. Keeps line numbers. */
    private static String[] unquoteCsvCell(String[] lines, int first) {
        String[] out = lines.clone();
        int q = out[first].indexOf('"');
        out[first] = out[first].substring(0, q) + " " + out[first].substring(q + 1);
        for (int i = out.length - 1; i >= first; i--) {
            int end = out[i].lastIndexOf('"');
            if (end >= 0 && out[i].strip().endsWith("\"")) {
                out[i] = out[i].substring(0, end) + " " + out[i].substring(end + 1);
                break;
            }
        }
        for (int i = first; i < out.length; i++) {
            out[i] = out[i].replace("\"\"", "\"");
        }
        return out;
    }

    /** @return true if the first line with content opens JSON, as {@link #startsJson} tells (without a copy) */
    private static boolean opensJson(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == text.length() || (text.charAt(i) != '[' && text.charAt(i) != '{')) {
            return false;
        }
        i++;
        while (i < text.length() && text.charAt(i) != '\n' && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i == text.length() || "{[\"\n".indexOf(text.charAt(i)) >= 0;
    }

    /**
     * A line opens a JSON plan if it starts with '[' or '{' followed by nothing, or by '{', '[' or '"' (a
     * text plan's first line never does; psql chatter like "[1234](56)postgres=#" is not JSON).
     */
    public static boolean startsJson(String line, int at) {
        if (line.length() <= at || (line.charAt(at) != '[' && line.charAt(at) != '{')) {
            return false;
        }
        int i = at + 1;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i == line.length() || "{[\"".indexOf(line.charAt(i)) >= 0;
    }

    /**
     * PostgreSQL's YAML starts "- Plan:"; auto_explain's YAML starts "Query Text: \"..." (quoted, unlike the
     * text format's "Query Text: select ...") or "Plan:".
     */
    static boolean startsYaml(String head) {
        return head.startsWith("- Plan:") || head.startsWith("Plan:") || head.startsWith("Query Text: \"")
                || head.equals("---");
    }

    private static int firstContentLine(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
