package org.planwright.workload;

/** The kind of a workload, in the words PGTune and the config advice use. */
public enum WorkloadClass {
    /** Many short statements touching few rows: web and transaction processing. */
    OLTP,
    /** Few long statements scanning and aggregating many rows: reporting, data warehouse. */
    OLAP,
    /** Both carry a large share of the time. */
    MIXED,
    /** Too little activity to tell. */
    UNKNOWN
}
