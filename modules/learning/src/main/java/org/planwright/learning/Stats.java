package org.planwright.learning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small statistics helpers. Stateless. */
final class Stats {

    private Stats() {
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2.0;
    }

    static double mean(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : values) {
            s += x;
        }
        return s / values.size();
    }

    /** The q-quantile (0..1) by linear interpolation between order statistics (R's type 7). */
    static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        double h = (v.size() - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(v.size() - 1, lo + 1);
        return v.get(lo) + (h - lo) * (v.get(hi) - v.get(lo));
    }

    /** Standard normal CDF (Abramowitz & Stegun 26.2.17, |error| < 7.5e-8). */
    static double normalCdf(double z) {
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double d = 0.3989422804014327 * Math.exp(-z * z / 2);
        double p = d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return z >= 0 ? 1 - p : p;
    }
}
