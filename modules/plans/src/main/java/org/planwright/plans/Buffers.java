package org.planwright.plans;

import java.util.Map;

/**
 * Buffer usage of a plan node as PostgreSQL reports it with {@code EXPLAIN (BUFFERS)}: counts of 8 kB blocks
 * (summed over all loops and, for parallel plans, over the workers that report into the node), and the I/O
 * read/write time in milliseconds when {@code track_io_timing} was on. Absent values are 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sharedHit      shared blocks found in shared buffers
 * @param sharedRead     shared blocks read from the OS / disk
 * @param sharedDirtied  shared blocks dirtied
 * @param sharedWritten  shared blocks written (evicted)
 * @param localHit       local (temporary table) blocks hit
 * @param localRead      local blocks read
 * @param localDirtied   local blocks dirtied
 * @param localWritten   local blocks written
 * @param tempRead       temp file blocks read (sorts, hashes spilling to disk)
 * @param tempWritten    temp file blocks written
 * @param ioReadTime     time spent reading blocks, ms ("I/O Read Time", or shared + local read time on PG 17+)
 * @param ioWriteTime    time spent writing blocks, ms
 */
public record Buffers(long sharedHit, long sharedRead, long sharedDirtied, long sharedWritten,
                      long localHit, long localRead, long localDirtied, long localWritten,
                      long tempRead, long tempWritten, double ioReadTime, double ioWriteTime) {

    /** No buffer usage at all. */
    public static final Buffers NONE = new Buffers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Reads the PostgreSQL JSON keys ("Shared Hit Blocks", ..., "I/O Read Time", PG 17's "Shared I/O Read Time"
     * and "Local I/O Read Time") from a node's or worker's properties.
     *
     * @param p raw properties; missing keys count as 0
     * @return the buffers
     */
    public static Buffers of(Map<String, Object> p) {
        double read = num(p, "I/O Read Time") + num(p, "Shared I/O Read Time") + num(p, "Local I/O Read Time");
        double write = num(p, "I/O Write Time") + num(p, "Shared I/O Write Time") + num(p, "Local I/O Write Time");
        return new Buffers(lng(p, "Shared Hit Blocks"), lng(p, "Shared Read Blocks"),
                lng(p, "Shared Dirtied Blocks"), lng(p, "Shared Written Blocks"),
                lng(p, "Local Hit Blocks"), lng(p, "Local Read Blocks"),
                lng(p, "Local Dirtied Blocks"), lng(p, "Local Written Blocks"),
                lng(p, "Temp Read Blocks"), lng(p, "Temp Written Blocks"), read, write);
    }

    /** @return true if any block count or time is non-zero */
    public boolean any() {
        return !equals(NONE);
    }

    /** @return shared hit + read + dirtied + written blocks */
    public long sharedTotal() {
        return sharedHit + sharedRead + sharedDirtied + sharedWritten;
    }

    /** @return temp read + written blocks */
    public long tempTotal() {
        return tempRead + tempWritten;
    }

    /** @return this plus {@code o}, field by field */
    public Buffers plus(Buffers o) {
        return new Buffers(sharedHit + o.sharedHit, sharedRead + o.sharedRead, sharedDirtied + o.sharedDirtied,
                sharedWritten + o.sharedWritten, localHit + o.localHit, localRead + o.localRead,
                localDirtied + o.localDirtied, localWritten + o.localWritten, tempRead + o.tempRead,
                tempWritten + o.tempWritten, ioReadTime + o.ioReadTime, ioWriteTime + o.ioWriteTime);
    }

    /** @return this minus {@code o}, field by field, each clamped at 0 */
    public Buffers minusClamped(Buffers o) {
        return new Buffers(Math.max(0, sharedHit - o.sharedHit), Math.max(0, sharedRead - o.sharedRead),
                Math.max(0, sharedDirtied - o.sharedDirtied), Math.max(0, sharedWritten - o.sharedWritten),
                Math.max(0, localHit - o.localHit), Math.max(0, localRead - o.localRead),
                Math.max(0, localDirtied - o.localDirtied), Math.max(0, localWritten - o.localWritten),
                Math.max(0, tempRead - o.tempRead), Math.max(0, tempWritten - o.tempWritten),
                Math.max(0, ioReadTime - o.ioReadTime), Math.max(0, ioWriteTime - o.ioWriteTime));
    }

    private static long lng(Map<String, Object> p, String key) {
        return p.get(key) instanceof Number n ? n.longValue() : 0L;
    }

    private static double num(Map<String, Object> p, String key) {
        return p.get(key) instanceof Number n ? n.doubleValue() : 0.0;
    }
}
