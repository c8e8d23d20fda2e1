package org.planwright.tuning.advice;

/**
 * postgresqltuner's memory budget (postgresqltuner.pl, "max_memory"): the most memory PostgreSQL can use is
 * {@code shared_buffers + work_mem x max_connections x 150% + maintenance memory x autovacuum_max_workers}
 * (the 150% is its default {@code --wmp}: a query uses work_mem about 1.5 times on average), where the
 * maintenance memory is autovacuum_work_mem when set, else maintenance_work_mem. postgresqltuner warns above 80%
 * of RAM and calls it bad above 100%; Planwright proposes nothing that takes the budget above {@link #SHARE} of
 * RAM.
 */
public final class MemoryBudget {

    /** Work_mem allocations per connection on average (postgresqltuner's default 150%). */
    public static final double WORK_MEM_FACTOR = 1.5;
    /** The share of RAM the budget may reach (postgresqltuner's warning level). */
    public static final double SHARE = 0.8;

    private MemoryBudget() {
    }

    /**
     * @return bytes PostgreSQL may use at most with these settings (all in bytes)
     */
    public static double maxMemory(double sharedBuffers, double workMem, int maxConnections,
                                   double maintenanceMemory, int autovacuumWorkers) {
        return sharedBuffers + workMem * maxConnections * WORK_MEM_FACTOR + maintenanceMemory * autovacuumWorkers;
    }

    /**
     * @return the largest work_mem in bytes that keeps {@link #maxMemory} within {@link #SHARE} of {@code ramBytes};
     *     0 when even work_mem 0 is over budget
     */
    public static double maxWorkMem(double ramBytes, double sharedBuffers, int maxConnections,
                                    double maintenanceMemory, int autovacuumWorkers) {
        double left = ramBytes * SHARE - sharedBuffers - maintenanceMemory * autovacuumWorkers;
        return Math.max(0, left / (maxConnections * WORK_MEM_FACTOR));
    }
}
