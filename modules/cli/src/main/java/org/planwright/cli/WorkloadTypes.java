package org.planwright.cli;

import java.util.Set;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.tuning.pgtune.DbType;
import org.planwright.workload.StatisticsReader;
import org.planwright.workload.WorkloadAnalyzer;
import org.planwright.workload.WorkloadWindow;

/**
 * The PGTune database type that the workload analyzer's classification of a live server stands for, for the
 * config advice when the DBA gives none: OLTP -> oltp, OLAP -> dw, mixed or unknown -> mixed.
 */
final class WorkloadTypes {

    private WorkloadTypes() {
    }

    /**
     * @param session an open read-only session
     * @return the type; mixed when pg_stat_statements is not available or the class is unknown
     * @throws TargetException when the statistics cannot be read
     */
    static DbType classify(TargetSession session) throws TargetException {
        StatisticsReader reader = new StatisticsReader(session);
        if (reader.unavailableReason().isPresent()) {
            return DbType.MIXED;
        }
        WorkloadWindow window = WorkloadWindow.sinceReset(reader.take(Set.of(session.serverInfo().database())));
        return switch (new WorkloadAnalyzer().analyze(window, 1).classification().workloadClass()) {
            case OLTP -> DbType.OLTP;
            case OLAP -> DbType.DW;
            default -> DbType.MIXED;
        };
    }
}
