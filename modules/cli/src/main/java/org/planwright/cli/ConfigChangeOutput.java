package org.planwright.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.planwright.tuning.apply.ChangeEvent;
import org.planwright.tuning.apply.ChangePlan;
import org.planwright.tuning.apply.ConfigChange;
import org.planwright.tuning.apply.Measurement;
import org.planwright.tuning.apply.Verdict;

/**
 * Text and JSON pieces shared by {@code config validate}, {@code config apply} and {@code config revert}
 * (docs/cli-json-output.md, "planwright config validate / apply / revert"). JSON objects keep their keys in the
 * order written here.
 */
final class ConfigChangeOutput {

    /** Output formats of the three commands. */
    enum Format { TEXT, JSON }

    private ConfigChangeOutput() {
    }

    /** @return keys and values in the order given */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            m.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return m;
    }

    /** @return {parameter, current, new, apply, alterSystem} */
    static Map<String, Object> change(ConfigChange c) {
        return ordered("parameter", c.parameter(), "current", c.oldValue(), "new", c.newValue(), "apply",
                c.applyMode().label(), "alterSystem", c.alterSystemSql());
    }

    /** @return {live, restartOnly, problems} of a plan */
    static void plan(Map<String, Object> root, ChangePlan plan) {
        root.put("live", plan.live().stream().map(ConfigChangeOutput::change).toList());
        root.put("restartOnly", plan.restartOnly().stream().map(ConfigChangeOutput::change).toList());
        root.put("problems", plan.problems());
    }

    /** @return {at, action, parameter, old, new, context, result, who} */
    static Map<String, Object> event(ChangeEvent e) {
        return ordered("at", e.at().toString(), "action", e.action().name(), "parameter", e.parameter(), "old",
                e.oldValue(), "new", e.newValue(), "context", e.context(), "result", e.result(), "who", e.who());
    }

    /** @return {transactions, seconds, tps, meanLatencyMs, p95LatencyMs, source} */
    static Map<String, Object> measurement(Measurement m) {
        return ordered("transactions", m.transactions(), "seconds", m.seconds(), "tps", round(m.tps()),
                "meanLatencyMs", round(m.meanLatencyMs()), "p95LatencyMs", round(m.p95LatencyMs()), "source",
                m.source());
    }

    /** @return {outcome, p95Change, tpsChange, threshold, baseline, after, text} */
    static Map<String, Object> verdict(Verdict v) {
        return ordered("outcome", v.outcome().name().toLowerCase(Locale.ROOT), "p95Change", round(v.p95Change()),
                "tpsChange", round(v.tpsChange()), "threshold", v.threshold(), "baseline", measurement(v.baseline()),
                "after", measurement(v.after()), "text", v.describe());
    }

    private static double round(double x) {
        return Math.round(x * 1000.0) / 1000.0;
    }

    /** Prints the plan's changes and problems as text. */
    static void planText(PrintWriter out, ChangePlan plan, String liveVerb, String restartVerb) {
        if (!plan.live().isEmpty()) {
            out.println(liveVerb + " (ALTER SYSTEM + pg_reload_conf()):");
            for (ConfigChange c : plan.live()) {
                out.printf(Locale.ROOT, "  %s: %s -> %s  [%s]%n", c.parameter(), c.oldValue(), c.newValue(),
                        c.applyMode().label());
            }
        }
        if (!plan.restartOnly().isEmpty()) {
            out.println(restartVerb + " (needs a restart; never applied live — run the statement, then restart):");
            for (ConfigChange c : plan.restartOnly()) {
                out.printf(Locale.ROOT, "  %s: %s -> %s  %s;%n", c.parameter(), c.oldValue(), c.newValue(),
                        c.alterSystemSql());
            }
        }
        if (!plan.problems().isEmpty()) {
            out.println("Not valid:");
            plan.problems().forEach(p -> out.println("  " + p));
        }
    }

    /** Prints events as text lines. */
    static void eventsText(PrintWriter out, List<ChangeEvent> events) {
        for (ChangeEvent e : events) {
            out.printf(Locale.ROOT, "%-9s %s: %s -> %s%s%n", e.action().name().toLowerCase(Locale.ROOT),
                    e.parameter(), e.oldValue(), e.newValue(), e.result().isEmpty() ? "" : "  (" + e.result() + ")");
        }
    }

    /** Writes indented JSON and a newline. */
    static void json(PrintWriter out, Object value) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
