/**
 * The workload analyzer. {@link org.planwright.workload.StatisticsReader} takes snapshots of a live server and
 * {@link org.planwright.workload.StatisticsFiles} reads CSV exports; {@link org.planwright.workload.WorkloadWindow}
 * is the difference of two snapshots (PoWA's approach); {@link org.planwright.workload.WorkloadAnalyzer} reports
 * top statements, the read/write ratio and the OLTP/OLAP classification; {@link org.planwright.workload.LoadHistory}
 * finds peaks and shifts in stored windows and forecasts the next day.
 */
package org.planwright.workload;
