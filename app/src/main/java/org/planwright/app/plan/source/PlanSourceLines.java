package org.planwright.app.plan.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.planwright.plans.Plan;

/**
 * Where each plan node is written in the plan's original text (as pasted or as the server returned it), so the
 * raw view can scroll to and highlight a selected node. Nodes are found in pre-order, which is both the order
 * EXPLAIN writes them in and the order of {@link org.planwright.plans.PlanNode#id()}: a {@code "Node Type"} key
 * in JSON, {@code <Node-Type>} in XML, {@code Node Type:} in YAML, otherwise text-format node lines (the first
 * plan line, then every line starting with {@code ->}, psql borders ignored). A node's range runs from its
 * start to the next node's start (for JSON from the node object's opening brace); the last node ends at its
 * closing brace (JSON) or before the "Planning"/"Execution"/"JIT"/"Trigger" footer.
 *
 * <p>When the count of nodes found differs from the plan's node count (for example a psql paste with wrapped
 * lines) the positions are unknown and {@link #range} is empty: better nothing than a wrong line.
 * Pure; immutable and thread-safe.
 */
public final class PlanSourceLines {

    /** A node's place in the text: [start, end) character offsets and 1-based first and last line. */
    public record Range(int start, int end, int firstLine, int lastLine) {
    }

    private static final String[] FOOTERS = {"Planning Time", "Planning:", "Execution Time", "Total runtime", "JIT:",
        "Trigger ", "Settings:", "Query Identifier", "Serialization:", "("};
    private static final PlanSourceLines UNKNOWN = new PlanSourceLines(List.of());

    private final List<Range> ranges;

    private PlanSourceLines(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * @param text the plan's original text; null gives unknown positions
     * @param plan the plan parsed from it; null gives unknown positions
     * @return the node positions, or unknown ones when the text does not show exactly the plan's nodes
     */
    public static PlanSourceLines of(String text, Plan plan) {
        if (text == null || plan == null || text.isEmpty()) {
            return UNKNOWN;
        }
        List<int[]> spans = find(text);
        if (spans.size() != plan.nodeCount()) {
            return UNKNOWN;
        }
        int[] lineStarts = lineStarts(text);
        List<Range> out = new ArrayList<>(spans.size());
        for (int[] s : spans) {
            int end = s[1];
            while (end > s[0] && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            out.add(new Range(s[0], end, line(lineStarts, s[0]), line(lineStarts, Math.max(s[0], end - 1))));
        }
        return new PlanSourceLines(List.copyOf(out));
    }

    /** @return true when every node's position is known */
    public boolean known() {
        return !ranges.isEmpty();
    }

    /**
     * @param nodeId a pre-order node id
     * @return where the node is written; empty when unknown
     */
    public Optional<Range> range(int nodeId) {
        return nodeId >= 0 && nodeId < ranges.size() ? Optional.of(ranges.get(nodeId)) : Optional.empty();
    }

    private static List<int[]> find(String text) {
        if (text.contains("\"Node Type\"")) {
            return json(text);
        }
        if (text.contains("<Node-Type>")) {
            return marked(text, "<Node-Type>", "<Plan>");
        }
        if (text.contains("Node Type:")) {
            return marked(text, "Node Type:", null);
        }
        return textFormat(text);
    }

    private static List<int[]> json(String text) {
        List<Integer> starts = new ArrayList<>();
        for (int at = text.indexOf("\"Node Type\""); at >= 0; at = text.indexOf("\"Node Type\"", at + 1)) {
            int brace = text.lastIndexOf('{', at);
            starts.add(brace < 0 ? at : brace);
        }
        List<int[]> out = spansFrom(starts, -1);
        if (!out.isEmpty()) {
            int[] last = out.getLast();
            last[1] = closingBrace(text, last[0]);
        }
        return out;
    }

    private static List<int[]> marked(String text, String marker, String opener) {
        List<Integer> starts = new ArrayList<>();
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
            int start = opener == null ? -1 : text.lastIndexOf(opener, at);
            starts.add(start >= 0 ? start : text.lastIndexOf('\n', at) + 1);
        }
        return spansFrom(starts, footer(text, starts.isEmpty() ? 0 : starts.getLast()));
    }

    private static List<int[]> textFormat(String text) {
        List<Integer> starts = new ArrayList<>();
        int pos = 0;
        boolean rootSeen = false;
        for (String line : text.split("\n", -1)) {
            String content = unborder(line);
            if (content.startsWith("->")) {
                starts.add(pos + line.indexOf("->"));
            } else if (!rootSeen && isPlanLine(content)) {
                starts.add(pos + line.indexOf(content));
                rootSeen = true;
            }
            pos += line.length() + 1;
        }
        return spansFrom(starts, footer(text, starts.isEmpty() ? 0 : starts.getLast()));
    }

    private static boolean isPlanLine(String content) {
        return !content.isEmpty() && !content.equals("QUERY PLAN") && !content.chars().allMatch(
                c -> c == '-' || c == '+' || c == '─' || c == '┼' || c == '═' || c == ' ')
                && !content.regionMatches(true, 0, "EXPLAIN", 0, 7);
    }

    private static String unborder(String line) {
        String s = line.strip();
        if (s.startsWith("|") || s.startsWith("│")) {
            s = s.substring(1);
        }
        if (s.endsWith("|") || s.endsWith("│") || s.endsWith("+")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.strip();
    }

    /** End of the last node in text/YAML/XML: the start of the first footer line after it, or the text's end. */
    private static int footer(String text, int from) {
        int lineStart = text.indexOf('\n', from);
        while (lineStart >= 0) {
            String content = unborder(text.substring(lineStart + 1, lineEnd(text, lineStart + 1)));
            for (String f : FOOTERS) {
                if (content.startsWith(f) || content.startsWith("<" + f.replace(' ', '-').replace(":", ""))) {
                    return lineStart + 1;
                }
            }
            lineStart = text.indexOf('\n', lineStart + 1);
        }
        return text.length();
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    private static List<int[]> spansFrom(List<Integer> starts, int lastEnd) {
        List<int[]> out = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : lastEnd;
            out.add(new int[] {starts.get(i), Math.max(end, starts.get(i))});
        }
        return out;
    }

    /** The offset after the brace closing the object opened at {@code open}, strings skipped. */
    private static int closingBrace(String text, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static int[] lineStarts(String text) {
        int lines = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        int[] starts = new int[lines];
        int k = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts[k++] = i + 1;
        }
        return starts;
    }

    private static int line(int[] lineStarts, int offset) {
        int i = java.util.Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
