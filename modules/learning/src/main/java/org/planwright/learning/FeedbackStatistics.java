package org.planwright.learning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.planwright.store.Feedback;

/**
 * Feedback statistics over the submitted (non-draft) feedback of a workspace, optionally of one kind and a time
 * window (by {@code updatedAt}, when it was submitted).
 *
 * @param total                   submitted feedback records
 * @param ratedShare              share with a rating, fraction in [0, 1] (NaN when total is 0)
 * @param averageRating           mean rating of the rated, stars 1-5 (NaN when none)
 * @param averageEstimatedPercent mean estimated improvement where known, percent (NaN when none)
 * @param averageActualPercent    mean actual improvement from before/after where known, percent (NaN when none)
 * @param successRate             share of those with an actual improvement at or above the success threshold
 * @param approvalRate            share of the rated with a rating of 4 or 5 (DBA approval)
 * @param wouldApplyAgainRate     share of those who answered that said yes
 */
public record FeedbackStatistics(int total, double ratedShare, double averageRating, double averageEstimatedPercent,
                                 double averageActualPercent, double successRate, double approvalRate,
                                 double wouldApplyAgainRate) {

    /**
     * @param feedback the workspace's feedback (drafts are skipped)
     * @param kind     only this recommendation kind, or null for all
     * @param from     only submitted at or after this, or null
     * @param to       only submitted before this, or null
     */
    public static FeedbackStatistics of(List<Feedback> feedback, String kind, Instant from, Instant to,
                                        LearningSettings settings) {
        int total = 0;
        List<Double> ratings = new ArrayList<>();
        List<Double> estimated = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        int successes = 0;
        int approvals = 0;
        int answered = 0;
        int again = 0;
        for (Feedback f : feedback) {
            if (f.draft() || kind != null && !kind.equals(f.recommendationKind())
                    || from != null && f.updatedAt().isBefore(from) || to != null && !f.updatedAt().isBefore(to)) {
                continue;
            }
            total++;
            if (f.rating() != null) {
                ratings.add((double) f.rating());
                approvals += f.rating() >= 4 ? 1 : 0;
            }
            if (f.estimatedImprovementPercent() != null) {
                estimated.add(f.estimatedImprovementPercent());
            }
            Double a = f.actualImprovementPercent();
            if (a != null) {
                actual.add(a);
                successes += a >= settings.successThresholdPercent() ? 1 : 0;
            }
            if (f.wouldApplyAgain() != null) {
                answered++;
                again += f.wouldApplyAgain() ? 1 : 0;
            }
        }
        return new FeedbackStatistics(total, total == 0 ? Double.NaN : (double) ratings.size() / total,
                Stats.mean(ratings), Stats.mean(estimated), Stats.mean(actual),
                actual.isEmpty() ? Double.NaN : (double) successes / actual.size(),
                ratings.isEmpty() ? Double.NaN : (double) approvals / ratings.size(),
                answered == 0 ? Double.NaN : (double) again / answered);
    }

    /** @return the statistics per recommendation kind present in the feedback, by kind name */
    public static Map<String, FeedbackStatistics> byKind(List<Feedback> feedback, Instant from, Instant to,
                                                         LearningSettings settings) {
        Map<String, FeedbackStatistics> out = new TreeMap<>();
        for (Feedback f : feedback) {
            out.computeIfAbsent(f.recommendationKind(), k -> of(feedback, k, from, to, settings));
        }
        return out;
    }
}
