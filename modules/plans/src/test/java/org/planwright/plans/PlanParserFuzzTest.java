package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of {@link PlanParser} with a fixed seed: real corpus plans (JSON and text from TPC-H, Pagila,
 * PEV2's fixtures and a fixed sample of PostgreSQL's regression plans) and the committed fixtures of the other
 * formats (PostgreSQL 18 XML / YAML, psql output styles, H2 EXPLAIN ANALYZE, MySQL JSON and tree), with lines deleted,
 * duplicated or swapped, cut at a random point, characters replaced, numbers replaced by extreme ones (1e400, -1, 26 digits), and
 * unbalanced brackets or quotes injected.
 * Every case must either parse to a consistent plan (ids in pre-order, no negative or NaN exclusive time or
 * cost, insights computable) or throw {@link PlanParseException} with line &gt;= 1 and column &gt;= 1 — never
 * another exception. Each parse runs on a worker thread with a budget of {@link #BUDGET_SECONDS}: an overrun is
 * reported as a hang (a hang detector, not a speed test; the budget is hundreds of times a normal parse).
 */
class PlanParserFuzzTest {

    /** Fixed seed; {@code -Dplanwright.fuzz.seed=N} explores others (a failure names its case to replay). */
    private static final long SEED = Long.getLong("planwright.fuzz.seed", 20261123L);
    private static final int CASES = Integer.getInteger("planwright.fuzz.cases", 10_000);
    private static final long BUDGET_SECONDS = 10;
    /** Fixtures of the other formats up to this size are seeds (larger ones add time, not new shapes). */
    private static final int MAX_FIXTURE_SEED_CHARS = 8_000;
    private static final String NOISE = "{}[]()\"'\\:,->|+\n\t 0123456789.-eE=xé\u0000";

    private static ExecutorService worker;
    private static List<Source> sources;

    private record Source(String name, String text) {
    }

    private record Case(String source, String mutation, String text) {
    }

    @BeforeAll
    static void setUp() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "plan-fuzz");
            t.setDaemon(true);
            return t;
        });
        List<Path> files = Stream.of(
                CorpusFiles.list(CorpusFiles.plans("generated-tpch")).stream().limit(12),
                CorpusFiles.list(CorpusFiles.plans("generated-pagila")).stream(),
                CorpusFiles.list(CorpusFiles.plans("pev2"), ".txt", ".json").stream().limit(60),
                CorpusFiles.list(CorpusFiles.plans("pg-regress-15/plans"), ".txt").stream().filter(f -> f.getFileName()
                        .toString().hashCode() % 25 == 0))
                .flatMap(s -> s).toList();
        List<Source> ok = new ArrayList<>();
        for (Path f : files) {
            String text = CorpusFiles.read(f);
            try {
                PlanParser.parse(text);
                ok.add(new Source(f.getParent().getFileName() + "/" + f.getFileName(), text));
            } catch (PlanParseException e) {
                // only plans that parse as they are make useful seeds
            }
        }
        for (String dir : List.of("formats", "psql", "mysql", "h2")) {
            for (Path f : CorpusFiles.list(resources(dir), ".xml", ".yaml", ".json", ".tree", ".txt")) {
                String text = CorpusFiles.read(f);
                boolean style = !dir.equals("psql") || Math.floorMod(f.getFileName().toString().hashCode(), 3) == 0;
                if (style && text.length() <= MAX_FIXTURE_SEED_CHARS) { // small ones, a third of the psql styles: keeps the run short
                    ok.add(new Source(dir + "/" + f.getFileName(), text));
                }
            }
        }
        sources = List.copyOf(ok);
    }

    /** The committed fixtures of other formats (test resources {@code plans/<dir>}). */
    private static Path resources(String dir) {
        try {
            return Path.of(PlanParserFuzzTest.class.getResource("/plans/" + dir).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void tearDown() {
        worker.shutdownNow();
    }

    @Test
    void mutatedPlansParseConsistentlyOrFailWithAPosition() throws InterruptedException {
        assertThat(sources).as("seed plans from the corpus").hasSizeGreaterThan(80);
        assertThat(sources).anyMatch(s -> s.text().strip().startsWith("["))
                .anyMatch(s -> s.text().contains("(cost="));
        for (Plan.Format format : Plan.Format.values()) { // every format the parser reads is a seed
            assertThat(sources).as(format + " seeds").anyMatch(s -> PlanParser.parse(s.text()).format() == format);
        }
        Random rnd = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < CASES && failures.size() < 20; i++) {
            Source src = sources.get(rnd.nextInt(sources.size()));
            Case c = mutate(src, rnd);
            Future<Plan> f = worker.submit(() -> PlanParser.parse(c.text()));
            try {
                Plan plan = f.get(BUDGET_SECONDS, TimeUnit.SECONDS);
                String bad = inconsistency(plan);
                if (bad != null) {
                    failures.add(describe(i, c) + ": " + bad);
                }
                parsed++;
            } catch (TimeoutException e) {
                f.cancel(true);
                failures.add(describe(i, c) + ": no result within " + BUDGET_SECONDS + " s (hang)");
                break;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof PlanParseException p) {
                    if (p.line() < 1 || p.column() < 1 || p.reason() == null || p.reason().isBlank()) {
                        failures.add(describe(i, c) + ": bad position " + p.line() + ":" + p.column() + " "
                                + p.reason());
                    }
                    rejected++;
                } else {
                    failures.add(describe(i, c) + ": " + e.getCause() + " at "
                            + Arrays.stream(e.getCause().getStackTrace())
                            .filter(t -> t.getClassName().startsWith("org.planwright")).limit(3).toList());
                }
            }
        }
        assertThat(failures).as("cases that broke the contract").isEmpty();
        assertThat(parsed + rejected).isEqualTo(CASES);
        // both outcomes are exercised: the mutations are neither all harmless nor all fatal
        assertThat(parsed).isGreaterThan(CASES / 20);
        assertThat(rejected).isGreaterThan(CASES / 20);
    }

    /** @return what is wrong with a parsed plan, or null */
    private static String inconsistency(Plan plan) {
        for (int id = 0; id < plan.nodeCount(); id++) {
            PlanNode n = plan.node(id);
            if (n.id() != id) {
                return "node " + id + " has id " + n.id();
            }
            if (!(n.exclusiveTime() >= 0) || !(n.exclusiveCost() >= 0) || !(n.inclusiveTime() >= 0)) {
                return "node " + id + " exclusive time " + n.exclusiveTime() + ", cost " + n.exclusiveCost()
                        + ", inclusive time " + n.inclusiveTime();
            }
            double share = n.executionShare();
            if (!(share >= 0 && share <= 1)) {
                return "node " + id + " execution share " + share;
            }
        }
        try {
            new InsightEngine().analyze(plan);
        } catch (RuntimeException e) {
            return "insights failed: " + e;
        }
        return null;
    }

    private static String describe(int i, Case c) {
        return "case " + i + " (" + c.source() + ", " + c.mutation() + ")";
    }

    private static Case mutate(Source src, Random rnd) {
        String text = src.text();
        StringBuilder what = new StringBuilder();
        int steps = 1 + rnd.nextInt(3);
        for (int s = 0; s < steps; s++) {
            int kind = rnd.nextInt(8);
            what.append(s == 0 ? "" : "+");
            text = switch (kind) {
                case 0 -> lines(text, rnd, what.append("delete line"), 0);
                case 1 -> lines(text, rnd, what.append("duplicate line"), 1);
                case 2 -> lines(text, rnd, what.append("swap lines"), 2);
                case 3 -> {
                    int at = rnd.nextInt(text.length() + 1);
                    what.append("truncate at ").append(at);
                    yield text.substring(0, at);
                }
                case 4 -> {
                    if (text.isEmpty()) {
                        yield text;
                    }
                    int at = rnd.nextInt(text.length());
                    char ch = NOISE.charAt(rnd.nextInt(NOISE.length()));
                    what.append("flip ").append(at);
                    yield text.substring(0, at) + ch + text.substring(at + 1);
                }
                case 5 -> {
                    int at = rnd.nextInt(text.length() + 1);
                    String open = List.of("{", "[", "\"", "(", "}", "]", ")", "\"\"").get(rnd.nextInt(8));
                    what.append("inject ").append(open).append(" at ").append(at);
                    yield text.substring(0, at) + open + text.substring(at);
                }
                case 6 -> {
                    int at = text.isEmpty() ? 0 : rnd.nextInt(text.length());
                    int digit = at;
                    while (digit < text.length() && !Character.isDigit(text.charAt(digit))) {
                        digit++;
                    }
                    int end = digit;
                    while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                        end++;
                    }
                    String number = List.of("1e400", "-1", "99999999999999999999999999", "0", "1e-400", "-0.0")
                            .get(rnd.nextInt(6));
                    what.append("number ").append(number).append(" at ").append(digit);
                    yield text.substring(0, digit) + number + text.substring(end);
                }
                default -> {
                    if (text.isEmpty()) {
                        yield text;
                    }
                    int at = rnd.nextInt(text.length());
                    int len = Math.min(text.length() - at, 1 + rnd.nextInt(40));
                    what.append("cut ").append(len).append(" at ").append(at);
                    yield text.substring(0, at) + text.substring(at + len);
                }
            };
        }
        return new Case(src.name(), what.toString(), text);
    }

    private static String lines(String text, Random rnd, StringBuilder what, int op) {
        List<String> ls = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int a = rnd.nextInt(ls.size());
        int b = rnd.nextInt(ls.size());
        what.append(' ').append(a + 1);
        switch (op) {
            case 0 -> ls.remove(a);
            case 1 -> ls.add(a, ls.get(a));
            default -> {
                String t = ls.get(a);
                ls.set(a, ls.get(b));
                ls.set(b, t);
                what.append('/').append(b + 1);
            }
        }
        return String.join("\n", ls);
    }
}
