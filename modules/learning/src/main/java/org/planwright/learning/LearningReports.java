package org.planwright.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.planwright.store.EstimatorModel;
import org.planwright.store.Feedback;
import org.planwright.store.TrialOutcome;

/** Builds {@link LearningReport}s from a workspace's records, and renders them as text or Markdown. Stateless. */
public final class LearningReports {

    /** A kind or pattern needs this many trials before the report calls it working or failing. */
    static final int MIN_TRIALS_FOR_VERDICT = 3;

    private LearningReports() {
    }

    /**
     * @param workspace workspace name
     * @param outcomes  its trial outcomes
     * @param feedback  its feedback, drafts included
     * @param models    its estimator models, oldest first
     * @param now       the report's time
     */
    public static LearningReport build(String workspace, List<TrialOutcome> outcomes, List<Feedback> feedback,
                                       List<EstimatorModel> models, Instant now, LearningSettings settings) {
        List<Accuracy.Point> series = Accuracy.series(outcomes, settings);
        Accuracy.TrendTest trend = Accuracy.trend(series);
        List<LearningReport.KindBias> bias = new ArrayList<>();
        for (Accuracy.Bias b : Accuracy.biasByKind(outcomes)) {
            bias.add(new LearningReport.KindBias(b.recommendationKind(), b.n(), n(b.meanErrorPercent()), n(b.pValue()),
                    b.significant()));
        }
        EstimatorModel deployed = models.stream().filter(EstimatorModel::deployed).reduce((a, b) -> b).orElse(null);
        List<LearningReport.ModelVersion> versions = new ArrayList<>();
        for (EstimatorModel m : models) {
            versions.add(new LearningReport.ModelVersion(m.version(), m.createdAt(), m.algorithm(), m.libraryVersion(),
                    m.trainingSize(), m.cvMae(), m.holdoutMae(), m.baselineMae(), m.intervalHalfWidth(), m.deployed()));
        }
        int drafts = (int) feedback.stream().filter(Feedback::draft).count();
        FeedbackStatistics overall = FeedbackStatistics.of(feedback, null, null, null, settings);
        Map<String, LearningReport.Stats> byKind = new TreeMap<>();
        FeedbackStatistics.byKind(feedback, null, null, settings).forEach((k, s) -> byKind.put(k, stats(s)));
        PatternMemory memory = new PatternMemory(outcomes, settings);
        List<LearningReport.Pattern> top = new ArrayList<>();
        for (PatternMatch m : memory.topPatterns(10)) {
            top.add(new LearningReport.Pattern(m.signature(), m.recommendationKind(), m.attempts(), m.successes(),
                    n(m.successRate()), n(m.medianImprovement())));
        }
        ConfidenceEvaluation ce = ConfidenceEvaluation.of(outcomes, settings);
        List<String> works = new ArrayList<>();
        List<String> fails = new ArrayList<>();
        verdicts(outcomes, memory, settings, works, fails);
        List<String> findings = findings(bias, deployed);
        return new LearningReport(workspace, now, outcomes.size(), overall.total(), drafts,
                settings.successThresholdPercent(), n(Stats.mean(series.stream().map(Accuracy.Point::score).toList())),
                n(Accuracy.window(series, now.minus(Duration.ofDays(30)), now.plusSeconds(1))), trend.trend(),
                n(trend.pValue()), bias, deployed == null ? "cost-only" : "learned model v" + deployed.version(),
                deployed == null ? null : deployed.holdoutMae(), deployed == null ? null : deployed.baselineMae(),
                deployed == null ? null : (int) Math.round(deployed.trainingSize() * settings.holdoutFraction()
                        / (1 - settings.holdoutFraction())),
                versions, stats(overall), byKind, top, n(ce.brierOurs()), n(ce.brierSeed()), works, fails, findings);
    }

    private static void verdicts(List<TrialOutcome> outcomes, PatternMemory memory, LearningSettings settings,
                                 List<String> works, List<String> fails) {
        Map<String, int[]> kinds = new TreeMap<>();
        for (TrialOutcome o : outcomes) {
            int[] c = kinds.computeIfAbsent(o.recommendationKind(), k -> new int[2]);
            c[0]++;
            c[1] += o.actualImprovementPercent() >= settings.successThresholdPercent() ? 1 : 0;
        }
        kinds.forEach((k, c) -> {
            if (c[0] >= MIN_TRIALS_FOR_VERDICT) {
                double rate = (double) c[1] / c[0];
                String s = String.format(Locale.ROOT, "%s advice: %d of %d trials succeeded (%.0f %%)", k, c[1], c[0], 100 * rate);
                (rate >= 0.5 ? works : fails).add(s);
            }
        });
        for (PatternMatch m : memory.topPatterns(Integer.MAX_VALUE)) {
            if (m.attempts() >= MIN_TRIALS_FOR_VERDICT && (m.successRate() >= 0.8 || m.successRate() <= 0.2)) {
                String s = String.format(Locale.ROOT, "%s on %s: %d of %d succeeded, median improvement %.0f %%",
                        m.recommendationKind(), m.signature(), m.successes(), m.attempts(), m.medianImprovement());
                (m.successRate() >= 0.8 ? works : fails).add(s);
            }
        }
    }

    private static List<String> findings(List<LearningReport.KindBias> bias, EstimatorModel deployed) {
        List<String> out = new ArrayList<>();
        for (LearningReport.KindBias b : bias) {
            if (!b.significant()) {
                continue;
            }
            String dir = b.meanErrorPercent() > 0 ? "overestimates" : "underestimates";
            String action = deployed != null
                    ? "estimates are now corrected by learned model v" + deployed.version()
                    + String.format(Locale.ROOT, " (held-out error %.1f vs %.1f points)", deployed.holdoutMae(),
                    deployed.baselineMae())
                    : "a learned model will correct it once one beats the cost-only estimate on held-out trials";
            out.add(String.format(Locale.ROOT, "%s advice %s by %.0f points on average (%d trials, p = %.3f): %s",
                    b.kind(), dir, Math.abs(b.meanErrorPercent()), b.trials(), b.pValue(), action));
        }
        if (out.isEmpty()) {
            out.add(bias.isEmpty() ? "no trials yet" : "no systematic over- or under-estimation found");
        }
        return out;
    }

    private static LearningReport.Stats stats(FeedbackStatistics s) {
        return new LearningReport.Stats(s.total(), n(s.ratedShare()), n(s.averageRating()), n(s.averageEstimatedPercent()),
                n(s.averageActualPercent()), n(s.successRate()), n(s.approvalRate()));
    }

    static Double n(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    /** @return the report as plain text (one item a line) */
    public static String text(LearningReport r) {
        return render(r, false);
    }

    /** @return the report as Markdown (headings, tables) */
    public static String markdown(LearningReport r) {
        return render(r, true);
    }

    private static String render(LearningReport r, boolean md) {
        StringBuilder s = new StringBuilder();
        heading(s, md, 1, "Learning report: " + r.workspace());
        line(s, md, "generated", r.generatedAt().toString());
        line(s, md, "trials", String.valueOf(r.trials()));
        line(s, md, "feedback", r.feedback() + " submitted, " + r.drafts() + " drafts");
        heading(s, md, 2, "Accuracy of the estimates");
        line(s, md, "accuracy (all trials)", pct(r.accuracy()));
        line(s, md, "accuracy (last 30 days)", pct(r.accuracyLast30Days()));
        line(s, md, "trend", r.trend() + (r.trendPValue() == null ? "" : String.format(Locale.ROOT, " (Mann-Kendall p = %.3f)", r.trendPValue())));
        line(s, md, "estimator in use", r.estimator());
        if (r.learnedHoldoutMae() != null) {
            line(s, md, "learned vs cost-only error", String.format(Locale.ROOT, "%.1f vs %.1f points (mean absolute, held-out trials)",
                    r.learnedHoldoutMae(), r.costOnlyHoldoutMae()));
        }
        heading(s, md, 2, "Bias by recommendation kind");
        table(s, md, List.of("kind", "trials", "mean estimated - actual", "p", "significant"),
                r.bias().stream().map(b -> List.of(b.kind(), String.valueOf(b.trials()), num(b.meanErrorPercent()),
                        num3(b.pValue()), b.significant() ? "yes" : "no")).toList());
        heading(s, md, 2, "Feedback");
        LearningReport.Stats f = r.feedbackOverall();
        line(s, md, "total", String.valueOf(f.total()));
        line(s, md, "rated", pct(f.ratedShare()));
        line(s, md, "average rating", num(f.averageRating()));
        line(s, md, "average estimated vs actual", num(f.averageEstimatedPercent()) + " % vs " + num(f.averageActualPercent()) + " %");
        line(s, md, "success rate", pct(f.successRate()));
        line(s, md, "approval rate (rating >= 4)", pct(f.approvalRate()));
        heading(s, md, 2, "Top patterns");
        table(s, md, List.of("pattern", "kind", "trials", "success rate", "median improvement %"),
                r.topPatterns().stream().map(p -> List.of(p.signature(), p.kind(), String.valueOf(p.attempts()),
                        pct(p.successRate()), num(p.medianImprovementPercent()))).toList());
        if (r.brierConfidence() != null) {
            line(s, md, "confidence calibration (Brier, lower is better)", String.format(Locale.ROOT,
                    "%.3f pattern memory vs %.3f seed rule", r.brierConfidence(), r.brierSeedRule()));
        }
        heading(s, md, 2, "Model versions");
        table(s, md, List.of("version", "trained on", "CV MAE", "held-out MAE", "baseline MAE", "deployed"),
                r.models().stream().map(m -> List.of("v" + m.version(), String.valueOf(m.trainingSize()), num(m.cvMae()),
                        num(m.holdoutMae()), num(m.baselineMae()), m.deployed() ? "yes" : "no")).toList());
        heading(s, md, 2, "Improvement report");
        list(s, md, "What works", r.whatWorks());
        list(s, md, "What does not", r.whatDoesNot());
        list(s, md, "Findings", r.findings());
        return s.toString();
    }

    private static void heading(StringBuilder s, boolean md, int level, String text) {
        if (!s.isEmpty()) {
            s.append('\n');
        }
        s.append(md ? "#".repeat(level) + " " : "").append(text).append('\n');
        if (!md) {
            s.append((level == 1 ? "=" : "-").repeat(text.length())).append('\n');
        } else {
            s.append('\n');
        }
    }

    private static void line(StringBuilder s, boolean md, String label, String value) {
        s.append(md ? "- **" + label + "**: " : label + ": ").append(value).append('\n');
    }

    private static void list(StringBuilder s, boolean md, String title, List<String> items) {
        s.append(md ? "**" + title + "**\n\n" : title + ":\n");
        if (items.isEmpty()) {
            s.append(md ? "- (none yet)\n" : "  (none yet)\n");
        }
        for (String i : items) {
            s.append(md ? "- " : "  - ").append(i).append('\n');
        }
        s.append(md ? "\n" : "");
    }

    private static void table(StringBuilder s, boolean md, List<String> head, List<List<String>> rows) {
        if (rows.isEmpty()) {
            s.append(md ? "(none yet)\n" : "  (none yet)\n");
            return;
        }
        if (md) {
            s.append("| ").append(String.join(" | ", head)).append(" |\n|");
            s.append("---|".repeat(head.size())).append('\n');
            for (List<String> r : rows) {
                s.append("| ").append(String.join(" | ", r)).append(" |\n");
            }
            return;
        }
        int[] w = new int[head.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = head.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        List<List<String>> all = new ArrayList<>();
        all.add(head);
        all.addAll(rows);
        for (List<String> r : all) {
            StringBuilder l = new StringBuilder(" ");
            for (int i = 0; i < w.length; i++) {
                l.append(' ').append(String.format("%-" + w[i] + "s", r.get(i)));
            }
            s.append(l.toString().stripTrailing()).append('\n');
        }
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String num3(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * v);
    }
}
