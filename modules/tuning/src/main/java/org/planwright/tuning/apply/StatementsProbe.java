package org.planwright.tuning.apply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.tuning.settings.Rows;

/**
 * Measures the live workload through pg_stat_statements: reads calls, total and sum of squares of execution time
 * per statement before and after a window of {@code seconds}, and takes the deltas. pg_stat_statements keeps no
 * percentiles, so the p95 is estimated per statement as mean + 1.645 x standard deviation of the window (a normal
 * approximation; the delta's variance comes from the cumulative mean and stddev before and after), and the
 * workload's p95 is the call-weighted 95th percentile of those estimates. Read-only.
 */
public final class StatementsProbe implements WorkloadProbe {

    private final TargetSession session;
    private final double seconds;

    /**
     * @param session a session to a database with pg_stat_statements installed
     * @param seconds the window's length
     */
    public StatementsProbe(TargetSession session, double seconds) {
        this.session = session;
        this.seconds = seconds;
    }

    @Override
    public Measurement measure(Cancellation cancel) throws ApplyException, CancelledException {
        Map<String, double[]> before = read();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (cancel.isCancelled()) {
                throw new CancelledException("measurement window cancelled");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException("interrupted");
            }
        }
        Map<String, double[]> after = read();
        long calls = 0;
        double total = 0;
        java.util.List<double[]> perStatement = new java.util.ArrayList<>(); // {calls, p95}
        for (Map.Entry<String, double[]> e : after.entrySet()) {
            double[] a = e.getValue();
            double[] b = before.getOrDefault(e.getKey(), new double[3]);
            double n = a[0] - b[0];
            if (n <= 0) {
                continue;
            }
            double sum = a[1] - b[1];
            double sumSq = a[2] - b[2];
            double mean = sum / n;
            double variance = Math.max(0, sumSq / n - mean * mean);
            perStatement.add(new double[] {n, mean + 1.645 * Math.sqrt(variance)});
            calls += (long) n;
            total += sum;
        }
        perStatement.sort((x, y) -> Double.compare(x[1], y[1]));
        double p95 = 0;
        double seen = 0;
        for (double[] s : perStatement) {
            seen += s[0];
            p95 = s[1];
            if (seen >= 0.95 * calls) {
                break;
            }
        }
        return new Measurement(calls, seconds, calls == 0 ? 0 : total / calls, p95,
                "pg_stat_statements deltas over " + (long) seconds + " s");
    }

    /** @return per queryid: calls, total ms, sum of squared ms (from mean and stddev) */
    private Map<String, double[]> read() throws ApplyException {
        Map<String, double[]> m = new HashMap<>();
        try {
            List<Map<String, Object>> rows = Rows.query(session, "SELECT queryid::text || '/' || userid || '/' || dbid "
                    + "AS k, calls, total_exec_time, mean_exec_time, stddev_exec_time FROM pg_stat_statements");
            for (Map<String, Object> r : rows) {
                double n = Rows.number(r, "calls");
                double mean = Rows.number(r, "mean_exec_time");
                double sd = Rows.number(r, "stddev_exec_time");
                m.put(Rows.text(r, "k"), new double[] {n, Rows.number(r, "total_exec_time"), n * (sd * sd + mean * mean)});
            }
        } catch (TargetException e) {
            throw new ApplyException("cannot read pg_stat_statements: " + e.getMessage(), e);
        }
        return m;
    }
}
