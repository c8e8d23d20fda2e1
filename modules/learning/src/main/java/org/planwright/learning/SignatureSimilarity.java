package org.planwright.learning;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How alike two pattern signatures are, in [0, 1]: 0 when their statement kinds differ; otherwise a weighted
 * Jaccard similarity (Ioffe 2010's generalised Jaccard, {@code sum min / sum max}) over their elements, where a
 * counted element ({@code INNER_JOIN(3)}, {@code SUBQUERY(2)}...) weighs its count, a flag ({@code GROUP_BY},
 * {@code LIMIT}...) weighs 1, and each predicate operator in {@code PRED(...)} weighs 0.5 (predicates tell less about
 * the plan's shape than joins and grouping). Equal signatures score 1; the {@code ~} of an approximate signature is
 * ignored. Grammar of signatures: docs/query-fingerprints.md. Stateless and thread-safe.
 */
public final class SignatureSimilarity {

    private static final Pattern ELEMENT = Pattern.compile("(WITH_RECURSIVE|WITH|DISTINCT"
            + "|(?:INNER|LEFT|RIGHT|FULL|CROSS|SEMI|ANTI|LATERAL)_JOIN|DERIVED|SUBQUERY|AGG|GROUP_BY|HAVING|WINDOW|UNION"
            + "|INTERSECT|EXCEPT|ORDER_BY|LIMIT|OFFSET|PRED|VALUES|ON_CONFLICT|RETURNING)(?:\\(([^)]*)\\))?(?=_|$)");

    private SignatureSimilarity() {
    }

    /** @return the similarity of {@code a} and {@code b}, in [0, 1] */
    public static double of(String a, String b) {
        String ka = kind(a);
        String kb = kind(b);
        if (!ka.equals(kb)) {
            return 0.0;
        }
        Map<String, Double> wa = weights(a);
        Map<String, Double> wb = weights(b);
        double min = 0;
        double max = 0;
        java.util.Set<String> keys = new java.util.HashSet<>(wa.keySet());
        keys.addAll(wb.keySet());
        for (String k : keys) {
            double x = wa.getOrDefault(k, 0.0);
            double y = wb.getOrDefault(k, 0.0);
            min += Math.min(x, y);
            max += Math.max(x, y);
        }
        return max == 0 ? 1.0 : min / max;
    }

    /** The statement kind: the first word (SELECT, INSERT, ..., CREATE_INDEX for DDL). */
    static String kind(String signature) {
        String s = strip(signature);
        int u = s.indexOf('_');
        String first = u < 0 ? s : s.substring(0, u);
        return switch (first) {
            case "CREATE", "ALTER", "DROP", "COMMENT" -> s;
            default -> first;
        };
    }

    /** The weighted elements after the kind. */
    static Map<String, Double> weights(String signature) {
        String s = strip(signature);
        Map<String, Double> out = new HashMap<>();
        int u = s.indexOf('_');
        if (u < 0) {
            return out;
        }
        Matcher m = ELEMENT.matcher(s.substring(u + 1));
        while (m.find()) {
            String name = m.group(1);
            String arg = m.group(2);
            if (arg == null) {
                out.merge(name, 1.0, Double::sum);
            } else if (name.equals("PRED")) {
                for (String op : arg.split(",")) {
                    out.merge("PRED:" + op, 0.5, Double::sum);
                }
            } else {
                double n;
                try {
                    n = Double.parseDouble(arg);
                } catch (NumberFormatException e) {
                    n = 1;
                }
                out.merge(name, n, Double::sum);
            }
        }
        return out;
    }

    private static String strip(String signature) {
        return signature.endsWith("~") ? signature.substring(0, signature.length() - 1) : signature;
    }
}
