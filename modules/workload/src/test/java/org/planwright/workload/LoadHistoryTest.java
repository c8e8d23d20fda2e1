package org.planwright.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Peaks, change points and the forecast on synthetic series whose truth is known: a daily load shape (busy
 * 09:00-17:00, peak at 14:00) with noise, in 5-minute windows.
 */
class LoadHistoryTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    /** Average active statements of the daily shape at an hour of day. */
    private static double shape(int hourOfDay) {
        double base = 0.2;
        if (hourOfDay >= 9 && hourOfDay < 18) {
            base += 1.5 + 1.0 * Math.exp(-Math.pow(hourOfDay - 14, 2) / 4.0);
        }
        return base;
    }

    private static List<LoadPoint> series(int days, double level, double shiftAfterDay, double noise, long seed) {
        Random random = new Random(seed);
        List<LoadPoint> points = new ArrayList<>();
        for (int i = 0; i < days * 24 * 12; i++) {
            Instant s = START.plus(Duration.ofMinutes(5L * i));
            int hour = ZonedDateTime.ofInstant(s, ZoneOffset.UTC).getHour();
            double day = i / (24.0 * 12);
            double aas = Math.max(0, (shape(hour) + (day >= shiftAfterDay ? level : 0))
                    * (1 + noise * random.nextGaussian()));
            points.add(new LoadPoint(s, s.plus(Duration.ofMinutes(5)), aas * 300_000, Math.round(aas * 1000)));
        }
        return points;
    }

    @Test
    void theBusiestHourIsThePeakOfTheShape() {
        LoadHistory h = new LoadHistory(series(7, 0, Double.MAX_VALUE, 0.1, 1), ZoneOffset.UTC);
        assertThat(h.busiestHoursOfDay(1).getFirst().getKey()).isEqualTo(14);
        int peakHour = ZonedDateTime.ofInstant(h.busiestWindows(1).getFirst().start(), ZoneOffset.UTC).getHour();
        assertThat(peakHour).isBetween(9, 17);
        assertThat(h.hourly()).hasSize(7 * 24);
    }

    @Test
    void aLastingRiseInLoadIsFoundNearWhereItHappened() {
        LoadHistory h = new LoadHistory(series(10, 1.5, 6, 0.1, 2), ZoneOffset.UTC);
        LoadHistory.ChangePoint change = h.changePoint().orElseThrow();
        assertThat(change.significant()).isTrue();
        assertThat(change.pValue()).isLessThan(0.001);
        assertThat(Duration.between(START.plus(Duration.ofDays(6)), change.at()).abs()).isLessThan(Duration.ofHours(13));
        assertThat(change.meanAfter()).isGreaterThan(change.meanBefore());
    }

    @Test
    void aSteadyDailyRhythmIsNotAShift() {
        LoadHistory h = new LoadHistory(series(10, 0, Double.MAX_VALUE, 0.1, 3), ZoneOffset.UTC);
        assertThat(h.changePoint().orElseThrow().significant()).isFalse();
    }

    @Test
    void theForecastFollowsTheDailyShapeBetterThanTheMeanAndThanYesterdayAlone() {
        List<LoadPoint> all = series(15, 0, Double.MAX_VALUE, 0.25, 4);
        List<LoadPoint> history = all.subList(0, 14 * 24 * 12);
        List<LoadPoint> nextDay = all.subList(14 * 24 * 12, all.size());
        LoadHistory h = new LoadHistory(history, ZoneOffset.UTC);
        List<LoadHistory.HourForecast> forecast = h.forecastNextDay();
        assertThat(forecast).hasSize(24);

        var actual = new LoadHistory(nextDay, ZoneOffset.UTC).hourly();
        var past = h.hourly();
        double mean = past.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double errForecast = 0;
        double errMean = 0;
        double errYesterday = 0;
        int inside = 0;
        for (LoadHistory.HourForecast f : forecast) {
            double truth = actual.get(f.hour());
            errForecast += Math.abs(f.averageActive() - truth);
            errMean += Math.abs(mean - truth);
            errYesterday += Math.abs(past.get(f.hour().minus(Duration.ofDays(1))) - truth);
            if (truth >= f.low() && truth <= f.high()) {
                inside++;
            }
        }
        assertThat(errForecast).isLessThan(errMean / 3);
        assertThat(errForecast).isLessThan(errYesterday);
        assertThat(inside).as("hours inside the ~95% interval").isGreaterThanOrEqualTo(18);
    }

    @Test
    void lessThanADayOfHistoryGivesNoForecast() {
        LoadHistory h = new LoadHistory(series(1, 0, Double.MAX_VALUE, 0, 5).subList(0, 12 * 20), ZoneOffset.UTC);
        assertThat(h.forecastNextDay()).isEmpty();
    }
}
