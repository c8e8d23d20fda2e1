package org.planwright.tuning.advice;

import java.util.List;
import java.util.Objects;
import org.planwright.tuning.settings.ApplyMode;

/**
 * One configuration change the advisor proposes.
 *
 * @param parameter   the parameter (PostgreSQL, MySQL or SQL Server name)
 * @param current     its value now as a person writes it ({@code "4MB"}), or "" when unknown
 * @param recommended the proposed value as written in the statement ({@code "64MB"})
 * @param reason      why, in one or two sentences
 * @param evidence    the facts with their numbers, most telling first
 * @param impact      the estimated effect
 * @param risk        what can go wrong
 * @param applyMode   restart, reload or new sessions (from pg_settings.context)
 * @param statement   the statement that applies it: {@code ALTER SYSTEM SET name = 'value'} for PostgreSQL,
 *                    {@code SET PERSIST} for MySQL, {@code sp_configure} for SQL Server
 */
public record ConfigRecommendation(String parameter, String current, String recommended, String reason,
                                   List<String> evidence, Impact impact, Risk risk, ApplyMode applyMode,
                                   String statement) {

    public ConfigRecommendation {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(recommended, "recommended");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(applyMode, "applyMode");
        Objects.requireNonNull(statement, "statement");
        evidence = List.copyOf(evidence);
    }

    /** @return {@code ALTER SYSTEM SET name = 'value'} with the value's quotes doubled */
    public static String alterSystem(String parameter, String value) {
        return "ALTER SYSTEM SET " + parameter + " = '" + value.replace("'", "''") + "'";
    }
}
