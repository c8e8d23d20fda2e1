package org.planwright.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL resource cut into weighted steps by header lines {@code -- @step <weight> <message>}, with
 * {@code ${name}} placeholders. Lines before the first step are ignored (a file comment).
 */
final class ScriptSteps {

    private static final Pattern STEP = Pattern.compile("^-- @step\\s+(\\d+(?:\\.\\d+)?)\\s+(.+)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

    /**
     * One step.
     *
     * @param weight  share of the whole work, relative to the other steps
     * @param message what the step does, for progress reports
     * @param sql     the statements, placeholders replaced
     * @param line    the step's header line in the resource (1-based), for error messages
     */
    record Step(double weight, String message, String sql, int line) {
    }

    private ScriptSteps() {
    }

    /**
     * @param resource a resource next to this class
     * @param values   placeholder values
     * @return the steps in order
     * @throws IllegalStateException when a placeholder has no value or the resource is missing
     */
    static List<Step> load(String resource, Map<String, String> values) {
        String text;
        try (InputStream in = ScriptSteps.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Step> steps = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder sql = null;
        double weight = 0;
        String message = null;
        int header = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = STEP.matcher(lines[i]);
            if (m.matches()) {
                if (sql != null) {
                    steps.add(new Step(weight, message, substitute(sql.toString(), values, resource, header), header));
                }
                weight = Double.parseDouble(m.group(1));
                message = m.group(2).strip();
                header = i + 1;
                sql = new StringBuilder();
            } else if (sql != null) {
                sql.append(lines[i]).append('\n');
            }
        }
        if (sql != null) {
            steps.add(new Step(weight, message, substitute(sql.toString(), values, resource, header), header));
        }
        return List.copyOf(steps);
    }

    private static String substitute(String sql, Map<String, String> values, String resource, int line) {
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(resource + " step at line " + line + ": no value for ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
