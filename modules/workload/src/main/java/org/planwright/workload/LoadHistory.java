package org.planwright.workload;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The load of a server over time, from stored windows: busiest windows and hours (peaks), a change point
 * (workload shift), and a forecast of the next day by hour. Load is measured as average active statements
 * ({@link LoadPoint#averageActive()}), which does not depend on the windows' lengths.
 *
 * <p>Immutable and thread-safe.
 */
public final class LoadHistory {

    /** Significance level of the change-point test. */
    public static final double CHANGE_SIGNIFICANCE = 0.05;
    /**
     * Weight of a day relative to the next newer one in the forecast ({@code 0.5}: yesterday counts twice the day
     * before). Planwright's own choice; simple exponential smoothing per hour of day.
     */
    public static final double DAY_DECAY = 0.5;

    private final List<LoadPoint> points;
    private final ZoneId zone;

    /**
     * @param points windows in any order (sorted here); overlapping windows are not merged
     * @param zone   the zone in which hours of the day are read (the DBA's or the server's)
     */
    public LoadHistory(List<LoadPoint> points, ZoneId zone) {
        this.points = points.stream().sorted(Comparator.comparing(LoadPoint::start)).toList();
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** @return the windows, oldest first */
    public List<LoadPoint> points() {
        return points;
    }

    /**
     * @param n how many
     * @return the {@code n} windows with the highest average active statements, highest first
     */
    public List<LoadPoint> busiestWindows(int n) {
        return points.stream().sorted(Comparator.comparingDouble(LoadPoint::averageActive).reversed()).limit(n).toList();
    }

    /**
     * The load by clock hour: execution time and wall time of the windows summed per hour in which they start.
     *
     * @return hour start to average active statements, oldest first
     */
    public TreeMap<Instant, Double> hourly() {
        TreeMap<Instant, double[]> sums = new TreeMap<>();
        for (LoadPoint p : points) {
            Instant hour = p.start().truncatedTo(ChronoUnit.HOURS);
            double[] s = sums.computeIfAbsent(hour, h -> new double[2]);
            s[0] += p.execMs();
            s[1] += p.lengthMs();
        }
        TreeMap<Instant, Double> out = new TreeMap<>();
        sums.forEach((h, s) -> out.put(h, s[0] / s[1]));
        return out;
    }

    /**
     * The busiest hours of the day: the mean hourly load per hour of day (0-23, in the zone) over all days seen.
     *
     * @param n how many hours
     * @return hour of day to mean average active statements, busiest first, at most {@code n}
     */
    public List<Map.Entry<Integer, Double>> busiestHoursOfDay(int n) {
        double[] sum = new double[24];
        int[] count = new int[24];
        hourly().forEach((h, v) -> {
            int hod = ZonedDateTime.ofInstant(h, zone).getHour();
            sum[hod] += v;
            count[hod]++;
        });
        List<Map.Entry<Integer, Double>> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (count[h] > 0) {
                hours.add(Map.entry(h, sum[h] / count[h]));
            }
        }
        hours.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
        return hours.subList(0, Math.min(n, hours.size()));
    }

    /**
     * A workload shift: Pettitt's non-parametric change-point test (A. N. Pettitt, "A non-parametric approach to
     * the change-point problem", Applied Statistics 28(2), 1979) on the hourly load. {@code U_t = sum over i <= t
     * < j of sign(x_j - x_i)}, {@code K = max |U_t|}, approximate p-value {@code 2 exp(-6 K^2 / (T^3 + T^2))}.
     *
     * @return the most likely change with its p-value; empty with fewer than 8 hours of history
     */
    public java.util.Optional<ChangePoint> changePoint() {
        List<Map.Entry<Instant, Double>> series = new ArrayList<>(hourly().entrySet());
        int t = series.size();
        if (t < 8) {
            return java.util.Optional.empty();
        }
        double[] x = series.stream().mapToDouble(Map.Entry::getValue).toArray();
        // U_t computed incrementally: U_t = U_{t-1} + sum_j sign(x_j - x_t)
        long u = 0;
        long best = 0;
        int at = 0;
        for (int i = 0; i < t - 1; i++) {
            long row = 0;
            for (int j = 0; j < t; j++) {
                row += (long) Math.signum(x[j] - x[i]);
            }
            u += row;
            if (Math.abs(u) > Math.abs(best)) {
                best = u;
                at = i;
            }
        }
        double k = Math.abs(best);
        double p = Math.min(1, 2 * Math.exp(-6 * k * k / ((double) t * t * t + (double) t * t)));
        double before = mean(x, 0, at + 1);
        double after = mean(x, at + 1, t);
        return java.util.Optional.of(new ChangePoint(series.get(at + 1).getKey(), p, p < CHANGE_SIGNIFICANCE,
                before, after));
    }

    /**
     * Forecast of the next day's load by hour: for each hour of the day, the exponentially weighted mean of that
     * hour's load over the days seen (weight {@value #DAY_DECAY} per day of age: a seasonal naive forecast whose
     * noise is smoothed over days, cf. Hyndman and Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed.,
     * 5.2 and 8.1), with an interval of plus/minus 1.96 standard deviations of that hour's values, widened by
     * {@code sqrt(1 + sum(w^2) / sum(w)^2)} for the uncertainty of the weighted mean.
     *
     * @return 24 hourly forecasts starting at the hour after the last one seen; empty with less than one day of
     *         history
     */
    public List<HourForecast> forecastNextDay() {
        TreeMap<Instant, Double> hourly = hourly();
        if (hourly.isEmpty()) {
            return List.of();
        }
        Instant last = hourly.lastKey();
        if (ChronoUnit.HOURS.between(hourly.firstKey(), last) < 23) {
            return List.of();
        }
        List<HourForecast> out = new ArrayList<>();
        for (int step = 1; step <= 24; step++) {
            Instant hour = last.plus(step, ChronoUnit.HOURS);
            int hod = ZonedDateTime.ofInstant(hour, zone).getHour();
            double wsum = 0;
            double vsum = 0;
            List<double[]> seen = new ArrayList<>();
            for (Map.Entry<Instant, Double> e : hourly.entrySet()) {
                if (ZonedDateTime.ofInstant(e.getKey(), zone).getHour() != hod) {
                    continue;
                }
                double ageDays = ChronoUnit.HOURS.between(e.getKey(), hour) / 24.0;
                double w = Math.pow(DAY_DECAY, Math.max(0, ageDays - 1));
                wsum += w;
                vsum += w * e.getValue();
                seen.add(new double[] {w, e.getValue()});
            }
            if (wsum == 0) {
                continue;
            }
            double mean = vsum / wsum;
            // interval: the hour's sample standard deviation over all days seen, widened for the uncertainty of
            // the weighted mean: sd * sqrt(1 + sum(w^2) / sum(w)^2)
            double plain = seen.stream().mapToDouble(v -> v[1]).average().orElse(mean);
            double ss = 0;
            double w2 = 0;
            for (double[] v : seen) {
                ss += (v[1] - plain) * (v[1] - plain);
                w2 += v[0] * v[0];
            }
            double sd = seen.size() < 2 ? Double.NaN
                    : Math.sqrt(ss / (seen.size() - 1)) * Math.sqrt(1 + w2 / (wsum * wsum));
            out.add(new HourForecast(hour, mean, Math.max(0, mean - 1.96 * sd), mean + 1.96 * sd, seen.size()));
        }
        return out;
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return to > from ? s / (to - from) : Double.NaN;
    }

    /**
     * A workload shift found by the change-point test.
     *
     * @param at          the first hour after the change
     * @param pValue      approximate p-value of Pettitt's test
     * @param significant true when {@code pValue < }{@value #CHANGE_SIGNIFICANCE}
     * @param meanBefore  mean hourly average active statements before
     * @param meanAfter   mean hourly average active statements from {@code at} on
     */
    public record ChangePoint(Instant at, double pValue, boolean significant, double meanBefore, double meanAfter) {
    }

    /**
     * The forecast load of one hour.
     *
     * @param hour          the hour's start
     * @param averageActive forecast average active statements
     * @param low           lower end of the ~95% interval (NaN with one day of history)
     * @param high          upper end (NaN with one day of history)
     * @param days          how many past days had this hour
     */
    public record HourForecast(Instant hour, double averageActive, double low, double high, int days) {
    }
}
