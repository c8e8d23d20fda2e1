package org.planwright.tuning.trial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.planwright.tuning.advice.Advice;
import org.planwright.tuning.advice.ConfigRecommendation;
import org.planwright.tuning.pgtune.PgTuneResult;
import org.planwright.tuning.pgtune.PgTuneSetting;
import org.planwright.tuning.settings.ServerSetting;
import org.planwright.tuning.settings.SettingValue;
import org.planwright.tuning.settings.SettingsSnapshot;

/**
 * Builds the candidates of a {@link SettingsTrial} from the rule-based advice and PGTune's profile: every
 * parameter either of them would change that a session can set ({@code pg_settings.context = user}) and that can
 * show its effect within one statement ({@link #QUERY_PARAMETERS}). Left out: parameters that need a restart or
 * a reload (shared_buffers, max_wal_size, ...), those that do not act on queries, and values within 5% of the
 * current one (timescaledb-tune's rule).
 *
 * <p>work_mem gets a ladder: the largest proposed value, then halved while it stays above 1.25 x the current
 * value (at most {@link #WORK_MEM_STEPS} values, plus any other proposed value), tried largest first — a larger
 * work_mem can change a plan for the worse (TPC-H q18 under PGTune's dw value: a HashAggregate over a sequential
 * scan instead of a GroupAggregate over an index, 1.7x slower), and a smaller step may keep the gain without it.
 * jit = off is a candidate whenever jit is on: PGTune turns JIT off for every profile but dw and desktop
 * (PostgreSQL 12+), and whether its compile time pays off depends on the statements, which the trial measures.
 * Order: as in {@link #QUERY_PARAMETERS}. Stateless.
 */
public final class SettingCandidates {

    /** At most this many work_mem values from the halving ladder. */
    public static final int WORK_MEM_STEPS = 3;

    /**
     * The parameters tried, in this order: those that change how a query is planned or run within one statement.
     * Left out even where a session may set them: maintenance_work_mem (CREATE INDEX, VACUUM — not queries),
     * default_statistics_target (it acts only through a new ANALYZE).
     */
    public static final List<String> QUERY_PARAMETERS = List.of("work_mem", "hash_mem_multiplier",
            "random_page_cost", "seq_page_cost", "effective_cache_size", "jit", "effective_io_concurrency",
            "max_parallel_workers_per_gather", "parallel_setup_cost", "parallel_tuple_cost");

    private SettingCandidates() {
    }

    /**
     * @param current the server's settings now
     * @param pgtune  PGTune's profile for its hardware and workload type
     * @param advice  the rule-based advice for it
     * @return the candidates in the order to try them
     */
    public static List<SettingCandidate> of(SettingsSnapshot current, PgTuneResult pgtune, Advice advice) {
        Map<String, List<SettingCandidate>> byParameter = new LinkedHashMap<>();
        for (ConfigRecommendation r : advice.recommendations()) {
            add(byParameter, current, r.parameter(), r.recommended(), "the workload's evidence: " + r.reason());
        }
        String profile = "PGTune's " + pgtune.input().dbType().pgtuneName() + " profile";
        for (PgTuneSetting s : pgtune.settings()) {
            add(byParameter, current, s.name(), s.value(), profile);
        }
        current.setting("jit").filter(s -> s.setting().equalsIgnoreCase("on") && sessionSettable(s))
                .filter(s -> byParameter.getOrDefault("jit", List.of()).stream()
                        .noneMatch(c -> c.value().equalsIgnoreCase("off")))
                .ifPresent(s -> byParameter.computeIfAbsent("jit", k -> new ArrayList<>())
                        .add(new SettingCandidate("jit", "off", "JIT compile time against what it saves on these "
                                + "statements (PGTune turns JIT off for all but its dw and desktop profiles)")));
        byParameter.computeIfPresent("work_mem", (k, v) -> workMemLadder(current, v));
        List<SettingCandidate> out = new ArrayList<>();
        for (String p : QUERY_PARAMETERS) {
            Optional.ofNullable(byParameter.remove(p)).ifPresent(out::addAll);
        }
        return out;
    }

    private static void add(Map<String, List<SettingCandidate>> to, SettingsSnapshot current, String parameter,
                            String value, String source) {
        Optional<ServerSetting> cur = current.setting(parameter);
        if (cur.isEmpty() || !sessionSettable(cur.get()) || !QUERY_PARAMETERS.contains(parameter)
                || !cur.get().differsByMoreThan5Percent(value)) {
            return;
        }
        List<SettingCandidate> list = to.computeIfAbsent(parameter, k -> new ArrayList<>());
        if (list.stream().noneMatch(c -> same(cur.get(), c.value(), value))) {
            list.add(new SettingCandidate(parameter, value, source));
        }
    }

    private static List<SettingCandidate> workMemLadder(SettingsSnapshot current, List<SettingCandidate> given) {
        ServerSetting cur = current.setting("work_mem").orElseThrow();
        double now = cur.baseValue().orElse(0);
        List<SettingCandidate> out = new ArrayList<>();
        SettingCandidate top = null;
        double topBytes = 0;
        for (SettingCandidate c : given) {
            double b = bytes(cur, c.value());
            if (b > topBytes) {
                top = c;
                topBytes = b;
            }
        }
        if (top == null || topBytes <= now) {
            return given;
        }
        out.add(top);
        double step = topBytes / 2;
        for (int k = 1; k < WORK_MEM_STEPS && step > now * 1.25; k++, step /= 2) {
            long kb = (long) (step / 1024);
            out.add(new SettingCandidate("work_mem", kb + "kB", "half the step above (" + top.source() + ")"));
        }
        for (SettingCandidate c : given) {
            if (c != top && out.stream().noneMatch(o -> same(cur, o.value(), c.value()))) {
                out.add(c);
            }
        }
        out.sort((a, b) -> Double.compare(bytes(cur, b.value()), bytes(cur, a.value())));
        return out;
    }

    private static double bytes(ServerSetting cur, String value) {
        try {
            return SettingValue.parse(value, cur.unit()).orElse(0);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** @return true when a session may SET it (context user) */
    static boolean sessionSettable(ServerSetting s) {
        return "user".equals(s.context());
    }

    private static boolean same(ServerSetting cur, String a, String b) {
        OptionalDouble x;
        OptionalDouble y;
        try {
            x = SettingValue.parse(a, cur.unit());
            y = SettingValue.parse(b, cur.unit());
        } catch (IllegalArgumentException e) {
            return a.equalsIgnoreCase(b);
        }
        return x.isPresent() && y.isPresent() ? x.getAsDouble() == y.getAsDouble() : a.equalsIgnoreCase(b);
    }
}
