package org.planwright.workload;

import java.util.List;

/**
 * What the analyzer found in one window.
 *
 * @param window          the window analysed
 * @param statementCount  statements with calls in the window
 * @param totalCalls      calls of all statements
 * @param totalExecMs     execution time of all statements (ms)
 * @param topByTotalTime  the statements with the most total execution time, most first
 * @param topByMeanTime   the statements with the highest mean execution time, highest first
 * @param topByIo         the statements with the most I/O blocks (shared read + temp), most first
 * @param readWrite       read/write ratio in calls
 * @param classification  OLTP/OLAP/mixed with confidence
 * @param cacheHitRatio   shared buffer hit ratio of the statements, fraction
 * @param tempBlksWritten temp blocks written by all statements (8 kB blocks)
 * @param scanHeavyTables tables with the most rows read by sequential scans in the window, most first
 * @param writtenTables   tables with the most rows written (inserted + updated + deleted), most first
 * @param unusedIndexes   indexes not scanned in the window (candidates to drop when the window is long and
 *                        representative: check replicas and rare reports first), by table
 */
public record WorkloadReport(WorkloadWindow window, int statementCount, long totalCalls, double totalExecMs,
                             List<StatementFigures> topByTotalTime, List<StatementFigures> topByMeanTime,
                             List<StatementFigures> topByIo, ReadWriteRatio readWrite, Classification classification,
                             double cacheHitRatio, long tempBlksWritten, List<TableCounters> scanHeavyTables,
                             List<TableCounters> writtenTables, List<IndexCounters> unusedIndexes) {
    public WorkloadReport {
        topByTotalTime = List.copyOf(topByTotalTime);
        topByMeanTime = List.copyOf(topByMeanTime);
        topByIo = List.copyOf(topByIo);
        scanHeavyTables = List.copyOf(scanHeavyTables);
        writtenTables = List.copyOf(writtenTables);
        unusedIndexes = List.copyOf(unusedIndexes);
    }
}
