package org.planwright.tuning.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.planwright.tuning.settings.ApplyMode;

/**
 * SQL Server rules from Microsoft's documentation:
 * <ul>
 *   <li>max server memory (MB): "Server memory configuration options" — leave the OS what it needs; Planwright
 *       uses the common reading of that guidance: reserve 1 GB per 4 GB of RAM up to 16 GB plus 1 GB per 8 GB
 *       above (at least 4 GB reserved when RAM is 16 GB or more).</li>
 *   <li>max degree of parallelism: "Configure the max degree of parallelism" (SQL Server 2016+): one NUMA node —
 *       up to 8 logical processors: at most their count, more: 8; several NUMA nodes — up to 16 logical
 *       processors per node: at most that count, more: half of them, at most 16.</li>
 *   <li>cost threshold for parallelism: the default 5 dates from 1990s hardware; 50 is the widely used starting
 *       point (Microsoft's docs leave it to testing, so its risk is MEDIUM).</li>
 * </ul>
 * Stateless.
 */
public final class SqlServerConfigAdvisor {

    /**
     * A recorded SQL Server configuration ({@code sys.configurations}, {@code sys.dm_os_sys_info},
     * {@code sys.dm_os_nodes}).
     *
     * @param physicalMemoryMb           physical memory, MB
     * @param maxServerMemoryMb          'max server memory (MB)' (2147483647 = unlimited)
     * @param logicalProcessors          logical processors
     * @param numaNodes                  NUMA nodes (excluding the DAC node)
     * @param maxdop                     'max degree of parallelism' (0 = all)
     * @param costThresholdForParallelism 'cost threshold for parallelism'
     */
    public record Input(long physicalMemoryMb, long maxServerMemoryMb, int logicalProcessors, int numaNodes,
                        int maxdop, int costThresholdForParallelism) {
    }

    /** @return the recommendations */
    public List<ConfigRecommendation> advise(Input in) {
        List<ConfigRecommendation> out = new ArrayList<>();
        long target = recommendedMaxServerMemoryMb(in.physicalMemoryMb());
        if (Math.abs(in.maxServerMemoryMb() - target) > 0.05 * target) {
            out.add(rec("max server memory (MB)", in.maxServerMemoryMb(), target, "Leave the operating system "
                    + "enough memory; unlimited lets SQL Server take it all.", String.format(Locale.ROOT,
                    "physical memory %d MB, max server memory %s", in.physicalMemoryMb(),
                    in.maxServerMemoryMb() >= Integer.MAX_VALUE ? "unlimited" : in.maxServerMemoryMb() + " MB"),
                    Risk.MEDIUM));
        }
        int maxdop = recommendedMaxdop(in.logicalProcessors(), in.numaNodes());
        if (in.maxdop() == 0 || in.maxdop() > maxdop) {
            out.add(rec("max degree of parallelism", in.maxdop(), maxdop, "Microsoft's MAXDOP guidance for "
                    + "this NUMA layout.", String.format(Locale.ROOT, "%d logical processors in %d NUMA node(s)",
                    in.logicalProcessors(), in.numaNodes()), Risk.MEDIUM));
        }
        if (in.costThresholdForParallelism() <= 5) {
            out.add(rec("cost threshold for parallelism", in.costThresholdForParallelism(), 50, "The default 5 "
                    + "makes cheap queries parallel; 50 keeps parallelism for expensive ones.",
                    "cost threshold for parallelism " + in.costThresholdForParallelism(), Risk.MEDIUM));
        }
        return out;
    }

    /** @return the max server memory in MB for this much physical memory (see the class comment) */
    public static long recommendedMaxServerMemoryMb(long physicalMb) {
        long gb = physicalMb / 1024;
        long reserveGb = gb <= 16 ? Math.max(1, (gb + 3) / 4) : 4 + (gb - 16 + 7) / 8;
        return Math.max(1024, physicalMb - reserveGb * 1024);
    }

    /** @return Microsoft's MAXDOP for this layout */
    public static int recommendedMaxdop(int logicalProcessors, int numaNodes) {
        if (numaNodes <= 1) {
            return Math.min(8, logicalProcessors);
        }
        int perNode = logicalProcessors / numaNodes;
        return perNode <= 16 ? perNode : Math.min(16, perNode / 2);
    }

    private static ConfigRecommendation rec(String name, long current, long value, String reason, String evidence,
                                            Risk risk) {
        return new ConfigRecommendation(name, Long.toString(current), Long.toString(value), reason,
                List.of(evidence), new Impact(Impact.Level.MEDIUM, "steadier memory and CPU use"), risk,
                ApplyMode.RELOAD, "EXEC sp_configure 'show advanced options', 1; RECONFIGURE; EXEC sp_configure '"
                        + name + "', " + value + "; RECONFIGURE;");
    }
}
