package org.planwright.plans.report;

import java.util.Locale;
import org.planwright.plans.InsightKind;
import org.planwright.plans.compare.ChangeKind;

/** Stable lower-case, hyphenated names of enum values for reports and JSON, e.g. "scan-method". */
public final class ReportLabels {

    private ReportLabels() {
    }

    /** @return e.g. "join-method" for {@link ChangeKind#JOIN_METHOD} */
    public static String kind(ChangeKind kind) {
        return token(kind);
    }

    /** @return e.g. "row-misestimate" for {@link InsightKind#ROW_MISESTIMATE} */
    public static String kind(InsightKind kind) {
        return token(kind);
    }

    /** @return the constant's name in lower case with hyphens */
    public static String token(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
