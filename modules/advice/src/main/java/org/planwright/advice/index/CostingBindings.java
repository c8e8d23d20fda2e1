package org.planwright.advice.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.planwright.advice.parameters.Binding;
import org.planwright.advice.parameters.BoundParameter;
import org.planwright.advice.parameters.ParameterBinder;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * The statements the index advisor plans: on PostgreSQL older than 16, which has no {@code EXPLAIN (GENERIC_PLAN)}
 * ({@link GenericPlan}), each statement with {@code $n} parameters is planned with representative values instead
 * ({@link ParameterBinder}: the custom plan for typical values read from pg_stats); on 16 and later the statement as
 * given ({@code GENERIC_PLAN}), unless the server cannot plan it without values (one {@code EXPLAIN (GENERIC_PLAN)}
 * tells: pg_stat_statements' {@code date $1} is no SQL), when representative values are tried too. Statements
 * without parameters are planned as given. A statement whose parameters cannot be bound stays as
 * given and is skipped with the binder's reason. Built once per advice, before any what-if transaction opens (a
 * failed statistics read must not abort it). Not thread-safe.
 */
final class CostingBindings {

    private final List<WorkloadStatement> planned = new ArrayList<>();
    private final Map<WorkloadStatement, Binding> bindings = new HashMap<>();

    private CostingBindings() {
    }

    /**
     * @param session  the advisor's session
     * @param workload the statements as given
     * @param progress one line per statement bound
     * @return the statements to plan, parallel to {@code workload}
     * @throws TargetException {@code CANCELLED} or {@code OTHER} from the statistics reads
     */
    static CostingBindings of(TargetSession session, List<WorkloadStatement> workload, Consumer<String> progress)
            throws TargetException {
        CostingBindings out = new CostingBindings();
        boolean generic = GenericPlan.supported(session.serverInfo().versionNum());
        ParameterBinder binder = new ParameterBinder();
        for (WorkloadStatement s : workload) {
            if (!GenericPlan.hasParameters(s.sql()) || generic && genericPlanWorks(session, s.sql())) {
                out.planned.add(s);
                continue;
            }
            progress.accept("Choosing representative values for the $n parameters of " + s.label()
                    + " from pg_stats (" + (generic ? "EXPLAIN (GENERIC_PLAN) cannot plan it"
                    : "no EXPLAIN (GENERIC_PLAN) before PostgreSQL 16") + ")");
            Binding b = binder.bind(session, s.sql());
            WorkloadStatement p = b.bound() ? new WorkloadStatement(s.label(), b.boundSql().orElseThrow(), s.weight())
                    : s;
            out.planned.add(p);
            out.bindings.put(p, b);
        }
        return out;
    }

    /**
     * @return true when {@code EXPLAIN (GENERIC_PLAN)} plans the statement; false when the server refuses it, e.g.
     *     pg_stat_statements' {@code date $1} ("syntax error at or near $1") or {@code $1 * $2} ("operator is not
     *     unique") — then representative values are tried
     * @throws TargetException {@code TIMEOUT}, {@code CANCELLED} or {@code OTHER}
     */
    private static boolean genericPlanWorks(TargetSession session, String sql) throws TargetException {
        try {
            session.execute("EXPLAIN (GENERIC_PLAN) " + sql, 1);
            return true;
        } catch (TargetException e) {
            if (e.reason() == TargetException.Reason.SQL_ERROR || e.reason() == TargetException.Reason.SYNTAX_ERROR) {
                return false;
            }
            throw e;
        }
    }

    /** @return the statements to plan, in the workload's order */
    List<WorkloadStatement> workload() {
        return planned;
    }

    /**
     * @param planned    a statement of {@link #workload()}
     * @param unplannable {@link GenericPlan#unplannable}'s reason for it
     * @return that reason, followed by why its parameters could not be given values when the binder said so
     */
    String reason(WorkloadStatement planned, String unplannable) {
        Binding b = bindings.get(planned);
        return b == null || b.bound() ? unplannable
                : unplannable + "; representative values could not be chosen either: " + b.reason();
    }

    /** @return the values the statement was costed with; empty when it was planned as given */
    List<BoundParameter> parameters(WorkloadStatement planned) {
        Binding b = bindings.get(planned);
        return b == null ? List.of() : b.parameters();
    }

    /**
     * @param planned   a statement of {@link #workload()}
     * @param candidate a candidate index for it
     * @return true when the candidate is a partial index and the statement was planned with representative values:
     *     its predicate's constant is one value of a parameter, not a constant of the workload
     */
    boolean boundConstant(WorkloadStatement planned, IndexCandidate candidate) {
        Binding b = bindings.get(planned);
        return b != null && b.hasParameters() && !candidate.predicate().isEmpty();
    }

    /** @return " (costed with $1 = ..., ...: representative values)" or "" */
    String note(WorkloadStatement planned) {
        Binding b = bindings.get(planned);
        return b == null || !b.hasParameters() ? ""
                : " (costed with representative values " + b.summary() + ")";
    }
}
