package org.planwright.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.planwright.learning.FeedbackValidation;
import org.planwright.store.Feedback;
import org.planwright.store.TrialOutcome;
import org.planwright.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code planwright feedback --trial ID --rating N ...}: records the DBA's feedback on a stored trial from scripts.
 * The same rules as the app's form ({@link FeedbackValidation}); the estimate and kind come from the stored trial.
 */
@Command(name = "feedback", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        description = "Record a rating (and optionally before/after times measured elsewhere) for a stored trial.")
final class FeedbackCommand implements Callable<Integer> {

    @ParentCommand
    PlanwrightCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--trial", required = true, paramLabel = "ID", description = "The trial's id (a UUID).")
    UUID trial;

    @Option(names = "--rating", required = true, paramLabel = "1-5", description = "Stars, 1 to 5.")
    int rating;

    @Option(names = "--apply-again", negatable = true, description = "Would you apply it again? (--no-apply-again: no)")
    Boolean applyAgain;

    @Option(names = "--comment", paramLabel = "TEXT", description = "A comment.")
    String comment;

    @Option(names = "--before-ms", paramLabel = "MS", description = "Median execution time before, ms (e.g. measured on production).")
    String beforeMs;

    @Option(names = "--after-ms", paramLabel = "MS", description = "Median execution time after, ms.")
    String afterMs;

    @Option(names = "--workspace", paramLabel = "NAME", description = "The workspace (default: the only one).")
    String workspace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<FeedbackValidation.Problem> problems = FeedbackValidation.validate(rating, beforeMs, afterMs, comment);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("planwright: --" + option(p.field()) + ": " + p.message()));
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        return LearningCommand.withStore(parent.environment(), spec, store -> {
            Workspace ws = StoreWorkspace.pick(store, workspace);
            TrialOutcome t = store.learning().trialOutcomes().find(ws.id(), trial).orElseThrow(() ->
                    new IllegalArgumentException("no trial " + trial + " in workspace \"" + ws.name() + "\""));
            Double before = FeedbackValidation.parseMillis(beforeMs);
            Double after = FeedbackValidation.parseMillis(afterMs);
            Feedback f = store.learning().feedback().save(new Feedback(UUID.randomUUID(), ws.id(), trial,
                    t.recommendationKind(), rating, applyAgain, comment, before, after,
                    before == null ? Feedback.MetricsSource.NONE : Feedback.MetricsSource.MANUAL,
                    t.estimatedImprovementPercent(), false, null, null));
            out.printf(Locale.ROOT, "feedback %s recorded: %d stars for the %s trial %s%n", f.id(), rating,
                    t.recommendationKind(), trial);
            out.flush();
            return ExitCodes.OK;
        });
    }

    private static String option(String field) {
        return switch (field) {
            case "beforeMs" -> "before-ms";
            case "afterMs" -> "after-ms";
            default -> field;
        };
    }
}
