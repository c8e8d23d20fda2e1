package org.planwright.advice.parameters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import org.planwright.sqltext.SqlLexer;
import org.planwright.sqltext.SqlToken;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * Gives each {@code $n} parameter of a statement — pg_stat_statements' normalised text, where every constant became
 * a parameter — a <b>representative value</b> read from the connected database's planner statistics, so that the
 * statement can be planned with its values and timed. This is the "custom plan" a prepared statement gets for one
 * set of values (PostgreSQL docs, "PREPARE": a custom plan is made for the specific parameter values): the value
 * is substituted as a string constant, which the server coerces to the type the context needs, exactly as it
 * resolves an untyped parameter, and the planner then sees that constant.
 *
 * <p>What each parameter is compared with is read from the JSqlParser tree ({@link ParameterUses}; scopes as SQL's,
 * correlated sub-queries included), and its column's statistics from {@code pg_stats} (PostgreSQL docs, "pg_stats";
 * the same figures the planner's selectivity functions read, utils/adt/selfuncs.c). The rules:
 * <ul>
 * <li><b>equality</b> ({@code col = $n}, {@code <>}, an INSERT value, an UPDATE SET target): among
 *     {@code most_common_vals}, the <i>frequency-weighted median</i> — walking the list from the most frequent,
 *     the value at which the cumulative {@code most_common_freqs} reach half their sum; if values are looked up in
 *     proportion to how often they occur, half of the lookups hit a value at least that frequent, so this is the
 *     typical lookup, not the rarest nor only the most skewed. A column without most common values (nearly all
 *     distinct, e.g. a key) gets the median of its {@code histogram_bounds}, a value that exists. An
 *     {@code IN ($a, $b, ...)} list gets the values following that one, each once; an array for
 *     {@code col = ANY ($n)} that value and the {@link #ARRAY_VALUES}{@code  - 1} following ones;</li>
 * <li><b>one-sided range</b> ({@code col < $n}, {@code >=}, ...): the median histogram bound, so the range holds
 *     about half the rows the histogram describes;</li>
 * <li><b>two-sided range</b> ({@code col BETWEEN $a AND $b}, or a lower and an upper bound on the same column):
 *     the histogram bounds {@link #RANGE_FRACTION} of the buckets apart, centred on the median — a range over about
 *     a tenth of the rows. (A generic plan assumes 0.5 %, DEFAULT_RANGE_INEQ_SEL in utils/selfuncs.h; a tenth is
 *     wider, so an index is only credited when it still helps a moderately wide range.) A column with most common
 *     values only (few distinct values) uses them sorted by the server in the column's order instead;</li>
 * <li><b>pattern</b> ({@code col LIKE $n}, ILIKE, SIMILAR TO): the equality value's first half (at least one
 *     character, wildcards escaped) followed by {@code %} — a prefix search, the form a b-tree can serve;</li>
 * <li><b>LIMIT</b> {@value #DEFAULT_LIMIT} and <b>OFFSET</b> {@value #DEFAULT_OFFSET}: a first page of a typical
 *     size; no statistic describes page sizes, so these are documented defaults;</li>
 * <li>a parameter <b>only in the statement's own select list</b> filters no row and gets {@code 1}: a number
 *     works where the constant was a number, the usual case (a factor such as {@code 1 - l_discount}; NULL would
 *     give {@code CASE ... THEN NULL} the type text, which {@code sum} refuses);</li>
 * <li>a parameter <b>added to or subtracted from</b> another that is compared with a column
 *     ({@code col < $2 + $3}, pg_stat_statements' text of {@code date '...' + interval '1' year}) gets 0, so the
 *     bound is the other's representative value; that one is then cast to the column's type;</li>
 * <li>when the column has no statistics (never analyzed) or the list needed is empty: a <b>sampled real value</b>,
 *     {@code SELECT col FROM t TABLESAMPLE SYSTEM (p) REPEATABLE (0) WHERE col IS NOT NULL LIMIT 1} with
 *     {@code p} covering about {@link #SAMPLE_PAGES} blocks (a fixed seed: the same data gives the same value),
 *     then the first non-null value of a plain scan, both under the session's statement timeout.</li>
 * </ul>
 * A parameter compared with no column (an expression such as {@code lower(email) = $1}, an aggregate, another
 * parameter) or with a column of no table (a CTE's, a derived table's) cannot be bound: the {@link Binding} then
 * carries the reason and no values. Every chosen value carries its evidence.
 *
 * <p>Read-only: catalog queries and at most two sample reads per column, under the session's statement timeout;
 * nothing is written, no state is left on the session. Run it outside any transaction another part keeps open
 * (a failed read would abort that transaction). Blocking; one thread per session; stateless otherwise.
 */
public final class ParameterBinder {

    /** Blocks a sampled read aims at: enough to find a non-null value quickly, few enough to stay cheap. */
    public static final int SAMPLE_PAGES = 10;
    /** Fraction of the histogram's buckets a two-sided range spans (see the class comment). */
    public static final double RANGE_FRACTION = 0.1;
    /** Values in the array a {@code col = ANY ($n)} parameter gets (a short IN list; a documented default). */
    public static final int ARRAY_VALUES = 3;
    /** LIMIT a parameterised LIMIT gets: a first page. */
    public static final int DEFAULT_LIMIT = 10;
    /** OFFSET a parameterised OFFSET gets: the first page. */
    public static final int DEFAULT_OFFSET = 0;

    private record Choice(String value, String source, String evidence) {
    }

    /**
     * @param session the connected database (read-only is fine)
     * @param sql     one statement, possibly with {@code $n} parameters
     * @return the values and their evidence; {@link Binding#none} when the statement has no parameter; a binding
     *     with a reason when one parameter cannot be bound
     * @throws TargetException {@code CANCELLED} or {@code OTHER} (connection lost); timeouts of the statistics reads
     *                         become reasons
     */
    public Binding bind(TargetSession session, String sql) throws TargetException {
        SortedSet<Integer> numbers = new TreeSet<>();
        for (SqlToken t : SqlLexer.tokenize(sql)) {
            if (t.type() == SqlToken.Type.PARAMETER) {
                numbers.add(Binding.number(t.text()));
            }
        }
        if (numbers.isEmpty()) {
            return Binding.none(sql);
        }
        Set<Integer> typedByWord = new HashSet<>();
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(parseable(body(sql), typedByWord));
        } catch (Exception | StackOverflowError e) {
            String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
            return new Binding(sql, List.of(), "its $n parameters cannot be given representative values: the "
                    + "statement could not be read to find what they are compared with (JSqlParser: " + msg + ")");
        }
        Map<Integer, List<ParameterUse>> byNumber = new LinkedHashMap<>();
        for (ParameterUse u : ParameterUses.of(statement)) {
            byNumber.computeIfAbsent(u.number(), k -> new ArrayList<>()).add(u);
        }
        Run run = new Run(session, typedByWord);
        List<BoundParameter> out = new ArrayList<>();
        for (int n : numbers) {
            List<ParameterUse> uses = byNumber.getOrDefault(n, List.of());
            try {
                out.add(run.bind(n, uses, byNumber));
            } catch (Unbindable e) {
                return new Binding(sql, List.of(), "$" + n + " cannot be given a representative value: "
                        + e.getMessage());
            } catch (TargetException e) {
                if (e.reason() != TargetException.Reason.TIMEOUT) {
                    throw e;
                }
                return new Binding(sql, List.of(), "$" + n + " cannot be given a representative value: reading "
                        + "the statistics hit the statement timeout (" + e.userMessage() + ")");
            }
        }
        return new Binding(sql, out, null);
    }

    /** Why one parameter has no value. */
    private static final class Unbindable extends Exception {
        Unbindable(String message) {
            super(message, null, false, false);
        }
    }

    /** One statement's binding: caches each column's statistics. */
    private static final class Run {
        private final TargetSession session;
        private final Map<String, Optional<ColumnStats>> stats = new HashMap<>();
        private final Map<ParameterUse, Optional<ColumnStats>> resolved = new IdentityHashMap<>();
        private final Set<Integer> typedByWord;

        Run(TargetSession session, Set<Integer> typedByWord) {
            this.session = session;
            this.typedByWord = typedByWord;
        }

        BoundParameter bind(int n, List<ParameterUse> uses, Map<Integer, List<ParameterUse>> all)
                throws TargetException, Unbindable {
            if (uses.isEmpty()) {
                throw new Unbindable("it was not found where the statement's syntax tree has a value (e.g. inside a "
                        + "type name or a construct JSqlParser reads as text)");
            }
            ParameterUse unresolved = null;
            for (ParameterUse u : uses) {
                if (!u.hasColumn() || u.kind() == ParameterUse.Kind.SHIFT) {
                    continue;
                }
                Optional<ColumnStats> cs = resolve(u);
                if (cs.isPresent()) {
                    return value(n, u, cs.get(), all);
                }
                unresolved = unresolved == null ? u : unresolved;
            }
            for (ParameterUse u : uses) {
                if (u.kind() == ParameterUse.Kind.SHIFT) {
                    return new BoundParameter(n, "'0'", "0", null, "default", "added to or subtracted from another "
                            + "parameter compared with " + qualified(u) + " (" + u.context() + "): 0, so the bound is "
                            + "that parameter's representative value");
                }
                if (u.kind() == ParameterUse.Kind.LIMIT) {
                    return new BoundParameter(n, Integer.toString(DEFAULT_LIMIT), Integer.toString(DEFAULT_LIMIT),
                            "bigint", "default", "LIMIT: a first page of " + DEFAULT_LIMIT + " rows (Planwright's "
                            + "default; no statistic describes page sizes)");
                }
                if (u.kind() == ParameterUse.Kind.OFFSET) {
                    return new BoundParameter(n, Integer.toString(DEFAULT_OFFSET), Integer.toString(DEFAULT_OFFSET),
                            "bigint", "default", "OFFSET: the first page (Planwright's default)");
                }
            }
            if (uses.stream().allMatch(ParameterUse::output)) {
                return new BoundParameter(n, "1", "1", "integer", "output", "only in the select list: it filters no "
                        + "row; 1 works where the constant was a number, the usual case (a factor such as "
                        + "1 - l_discount)");
            }
            if (unresolved != null) {
                throw new Unbindable("it is compared with " + qualified(unresolved) + ", which is no column of a "
                        + "table in its FROM list (a CTE's or a derived table's column has no statistics), in "
                        + unresolved.context());
            }
            throw new Unbindable("it is compared with no column (only with an expression, an aggregate or another "
                    + "parameter), so no column's statistics say what a typical value is");
        }

        private BoundParameter value(int n, ParameterUse u, ColumnStats cs, Map<Integer, List<ParameterUse>> all)
                throws TargetException, Unbindable {
            Optional<Choice> choice = switch (u.kind()) {
                case EQUALITY, TARGET -> pick(cs, 0);
                case IN_ITEM -> pick(cs, u.position());
                case ANY_ARRAY -> pick(cs, 0);
                case LIKE -> pick(cs, 0).map(c -> new Choice(prefixPattern(c.value()), c.source(),
                        "a prefix pattern of " + c.value() + ", " + c.evidence()));
                case LOWER, UPPER -> partner(u, cs, all) ? span(cs, u.kind() == ParameterUse.Kind.LOWER)
                        : median(cs);
                case BETWEEN_LOW -> span(cs, true);
                case BETWEEN_HIGH -> span(cs, false);
                default -> Optional.empty();
            };
            if (choice.isEmpty()) {
                Optional<String> sampled = cs.sample(session);
                if (sampled.isEmpty()) {
                    throw new Unbindable("it is compared with " + cs.name() + ", which has " + (cs.analyzed()
                            ? "no usable statistics" : "no statistics (pg_stats is empty for it: run ANALYZE)")
                            + " and no non-null value in a sample of its table");
                }
                String v = u.kind() == ParameterUse.Kind.LIKE ? prefixPattern(sampled.get()) : sampled.get();
                choice = Optional.of(new Choice(v, "sample", "a real value of " + cs.name() + " read from a "
                        + "TABLESAMPLE SYSTEM sample of about " + SAMPLE_PAGES + " blocks" + (cs.analyzed() ? ""
                        : " (pg_stats has no row for it: the column was never analyzed)")));
            }
            Choice c = choice.get();
            if (u.kind() == ParameterUse.Kind.ANY_ARRAY) {
                return array(n, u, cs, c);
            }
            String type = u.kind() == ParameterUse.Kind.LIKE ? "text" : cs.type();
            // an operand of a sum is cast: an untyped constant plus another has no type ("operator is not
            // unique"); after a type word (date $1) the word types it already
            String literal = ColumnStats.literal(c.value())
                    + (u.arithmetic() && !typedByWord.contains(n) ? "::" + cs.type() : "");
            return new BoundParameter(n, literal, c.value(), type, c.source(), describe(u) + ": " + c.evidence());
        }

        /**
         * {@code col = ANY ($n)}: an array of {@link #ARRAY_VALUES} values — the equality value and the ones after
         * it — as {@code ARRAY['a', 'b', 'c']::type[]}; one value when only one is known (a sample).
         */
        private static BoundParameter array(int n, ParameterUse u, ColumnStats cs, Choice first) {
            List<String> values = new ArrayList<>(List.of(first.value()));
            for (int k = 1; k < ARRAY_VALUES && !"sample".equals(first.source()); k++) {
                Optional<Choice> next = pick(cs, k);
                if (next.isPresent() && !values.contains(next.get().value())) {
                    values.add(next.get().value());
                }
            }
            String literal = "ARRAY[" + String.join(", ", values.stream().map(ColumnStats::literal).toList()) + "]::"
                    + cs.type() + "[]";
            return new BoundParameter(n, literal, "{" + String.join(",", values) + "}", cs.type() + "[]",
                    first.source(), describe(u) + ": " + values.size() + " value(s) from " + first.evidence());
        }

        /** @return true when another parameter bounds the same column from the other side (a two-sided range) */
        private boolean partner(ParameterUse u, ColumnStats cs, Map<Integer, List<ParameterUse>> all)
                throws TargetException {
            ParameterUse.Kind other = u.kind() == ParameterUse.Kind.LOWER ? ParameterUse.Kind.UPPER
                    : ParameterUse.Kind.LOWER;
            for (List<ParameterUse> l : all.values()) {
                for (ParameterUse o : l) {
                    if (o.kind() == other && o.hasColumn()) {
                        Optional<ColumnStats> ocs = resolve(o);
                        if (ocs.isPresent() && ocs.get().name().equals(cs.name())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private Optional<ColumnStats> resolve(ParameterUse u) throws TargetException {
            Optional<ColumnStats> known = resolved.get(u);
            if (known != null) {
                return known;
            }
            String att = ParameterUses.fold(u.column());
            Optional<ColumnStats> found = Optional.empty();
            if (u.qualifier() != null) {
                String q = u.qualifier();
                String table = null;
                if (!q.contains(".")) {
                    String ref = ParameterUses.fold(q);
                    for (Map<String, String> frame : u.scope()) {
                        if (frame.containsKey(ref)) {
                            table = frame.get(ref);
                            break;
                        }
                    }
                }
                found = stats(table != null ? table : q, att);
            } else {
                outer:
                for (Map<String, String> frame : u.scope()) {
                    for (String table : frame.values()) {
                        found = stats(table, att);
                        if (found.isPresent()) {
                            break outer;
                        }
                    }
                }
            }
            resolved.put(u, found);
            return found;
        }

        private Optional<ColumnStats> stats(String table, String att) throws TargetException {
            String key = table + "\u0000" + att;
            Optional<ColumnStats> s = stats.get(key);
            if (s == null) {
                s = ColumnStats.read(session, table, att);
                stats.put(key, s);
            }
            return s;
        }

        /** The equality rule: frequency-weighted median of the most common values, else the median bound. */
        private static Optional<Choice> pick(ColumnStats cs, int offset) {
            if (!cs.mostCommon().isEmpty()) {
                List<Double> f = cs.frequencies();
                double total = f.stream().mapToDouble(Double::doubleValue).sum();
                double cumulative = 0;
                int m = 0;
                for (; m < f.size() - 1; m++) {
                    cumulative += f.get(m);
                    if (cumulative >= total / 2) {
                        break;
                    }
                }
                int i = (m + offset) % f.size();
                String which = offset == 0
                        ? String.format(Locale.ROOT, "the frequency-weighted median (value %d) of", i + 1)
                        : String.format(Locale.ROOT, "value %d, after the frequency-weighted median, of", i + 1);
                return Optional.of(new Choice(cs.mostCommon().get(i), "most-common-values", String.format(Locale.ROOT,
                        "%s the %d most common values of %s (pg_stats.most_common_vals; %.3g %% of the rows)", which,
                        f.size(), cs.name(), 100 * f.get(i))));
            }
            List<String> h = cs.histogram();
            if (!h.isEmpty()) {
                int i = Math.min(h.size() - 1, h.size() / 2 + offset);
                return Optional.of(new Choice(h.get(i), "histogram", String.format(Locale.ROOT, "bound %d of the %d "
                        + "histogram bounds of %s, %s (pg_stats.histogram_bounds; the column has no most common "
                        + "values: its values are nearly all distinct)", i + 1, h.size(), cs.name(),
                        offset == 0 ? "the median" : "after the median")));
            }
            return Optional.empty();
        }

        /** One-sided range: the median histogram bound, else the median of the sorted most common values. */
        private Optional<Choice> median(ColumnStats cs) throws TargetException {
            List<String> h = cs.histogram();
            if (!h.isEmpty()) {
                int i = h.size() / 2;
                return Optional.of(new Choice(h.get(i), "histogram", String.format(Locale.ROOT, "the median bound "
                        + "(%d of %d) of the histogram of %s (pg_stats.histogram_bounds): the range holds about half "
                        + "the rows it describes", i + 1, h.size(), cs.name())));
            }
            List<String> sorted = cs.sortedMostCommon(session);
            if (sorted.isEmpty()) {
                return pick(cs, 0);
            }
            Map<String, Double> freq = new HashMap<>();
            for (int i = 0; i < cs.mostCommon().size(); i++) {
                freq.put(cs.mostCommon().get(i), cs.frequencies().get(i));
            }
            double total = cs.frequencies().stream().mapToDouble(Double::doubleValue).sum();
            double cumulative = 0;
            for (String v : sorted) {
                cumulative += freq.getOrDefault(v, 0.0);
                if (cumulative >= total / 2) {
                    return Optional.of(new Choice(v, "most-common-values", "the median of " + cs.name() + " by value"
                            + " order, weighted by pg_stats.most_common_freqs (the column has no histogram)"));
                }
            }
            return Optional.of(new Choice(sorted.getLast(), "most-common-values", "the largest of the most common "
                    + "values of " + cs.name()));
        }

        /** Two-sided range: bounds {@link #RANGE_FRACTION} of the buckets apart, centred on the median. */
        private Optional<Choice> span(ColumnStats cs, boolean low) throws TargetException {
            boolean histogram = !cs.histogram().isEmpty();
            List<String> ordered = histogram ? cs.histogram() : cs.sortedMostCommon(session);
            if (ordered.size() < 2) {
                return Optional.empty();
            }
            int buckets = ordered.size() - 1;
            int k = Math.max(1, (int) Math.round(buckets * RANGE_FRACTION));
            int lo = Math.max(0, buckets / 2 - k / 2);
            int hi = Math.min(buckets, lo + k);
            int i = low ? lo : hi;
            return Optional.of(new Choice(ordered.get(i), histogram ? "histogram" : "most-common-values",
                    String.format(Locale.ROOT, "the %s bound of a range from %s %d to %d of %d of %s, about %.0f %% "
                                    + "of the rows%s, centred on the median", low ? "lower" : "upper",
                            histogram ? "histogram bound" : "most common value (sorted)", lo + 1, hi + 1,
                            ordered.size(), cs.name(), 100.0 * (hi - lo) / buckets,
                            histogram ? " the histogram describes" : "")));
        }

        private static String describe(ParameterUse u) {
            String what = switch (u.kind()) {
                case EQUALITY -> "compared for equality with ";
                case IN_ITEM -> "an IN-list item for ";
                case ANY_ARRAY -> "an array for = ANY on ";
                case LIKE -> "a pattern for ";
                case LOWER, BETWEEN_LOW -> "a lower bound of ";
                case UPPER, BETWEEN_HIGH -> "an upper bound of ";
                case TARGET -> "the value written to ";
                default -> "compared with ";
            };
            return what + qualified(u);
        }
    }

    private static String qualified(ParameterUse u) {
        return u.qualifier() != null ? u.qualifier() + "." + u.column() : u.column();
    }

    /**
     * @param value a value
     * @return a LIKE pattern matching values that start with its first half (at least one character), with
     *     {@code \}, {@code %} and {@code _} escaped (LIKE's default escape character)
     */
    static String prefixPattern(String value) {
        int n = Math.max(1, (value.length() + 1) / 2);
        String prefix = value.substring(0, Math.min(n, value.length()));
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Type names pg_stat_statements leaves before a parameter that replaced a typed literal ({@code date '...'}). */
    private static final Set<String> TYPE_WORDS = Set.of("date", "time", "timestamp", "timestamptz", "interval");
    /** Interval fields that may follow {@code interval $n} ({@code interval '90' day}). */
    private static final Set<String> INTERVAL_FIELDS = Set.of("year", "month", "day", "hour", "minute", "second");

    /**
     * pg_stat_statements keeps the type name of a typed literal ({@code date '1995-03-15'} becomes {@code date $1},
     * {@code interval '3' month} becomes {@code interval $2 month}), which is no SQL JSqlParser reads. For reading
     * the tree only, such a type name (and an interval's field) is dropped; the statement that runs keeps it, and
     * the value substituted after it makes it a typed literal again.
     *
     * @param sql          the statement
     * @param typedByWord  receives the numbers of the parameters written after a type name
     * @return the text to parse
     */
    static String parseable(String sql, Set<Integer> typedByWord) {
        List<SqlToken> tokens = SqlLexer.tokenize(sql);
        boolean[] drop = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.type() != SqlToken.Type.PARAMETER) {
                continue;
            }
            int before = previous(tokens, i);
            if (before >= 0 && tokens.get(before).type() == SqlToken.Type.WORD
                    && TYPE_WORDS.contains(tokens.get(before).text().toLowerCase(Locale.ROOT))) {
                drop[before] = true;
                typedByWord.add(Binding.number(t.text()));
                int after = next(tokens, i);
                if (tokens.get(before).text().equalsIgnoreCase("interval") && after >= 0
                        && tokens.get(after).type() == SqlToken.Type.WORD
                        && INTERVAL_FIELDS.contains(tokens.get(after).text().toLowerCase(Locale.ROOT))) {
                    drop[after] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            out.append(drop[i] ? " " : tokens.get(i).text());
        }
        return out.toString();
    }

    private static int previous(List<SqlToken> tokens, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!tokens.get(j).isTrivia()) {
                return j;
            }
        }
        return -1;
    }

    private static int next(List<SqlToken> tokens, int i) {
        for (int j = i + 1; j < tokens.size(); j++) {
            if (!tokens.get(j).isTrivia()) {
                return j;
            }
        }
        return -1;
    }

    private static String body(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }
}
