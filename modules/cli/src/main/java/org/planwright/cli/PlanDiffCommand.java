package org.planwright.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.planwright.cli.report.DiffTextWriter;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanParseException;
import org.planwright.plans.PlanParser;
import org.planwright.plans.compare.PlanComparison;
import org.planwright.plans.report.ComparisonReport;
import org.planwright.plans.report.JsonReport;
import org.planwright.plans.report.MarkdownReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code planwright plan diff BEFORE AFTER}: compares two saved plans of one statement with
 * {@link PlanComparison} and reports the verdict, totals, changes and matched nodes. Text is written here; Markdown
 * and JSON come from {@code org.planwright.plans.report}, the renderers the app exports with too. Exit codes: 0
 * compared, 1 a plan could not be read ({@code file:line:column: message} on standard error), 2 bad usage or a
 * missing file, 3 with {@code --fail-if-slower} when the after plan is slower.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Compare two saved plans of one statement: before and after an index, a setting, an upgrade.",
        description = {
            "Matches the plan nodes of BEFORE and AFTER (what they read, then the tree around them) and reports "
                    + "the verdict (faster/slower/same within 10%%), the totals, changed join methods and orders, "
                    + "changed, new or dropped scans and indexes, and the deltas per matched node.", ""},
        footer = {"",
                  "Exit codes: 0 the plans were compared; 1 a plan could not be read (file:line:column: message "
                          + "on standard error); 2 bad usage or a missing file; 3 --fail-if-slower and AFTER is "
                          + "slower.",
                  "",
                  "Example:",
                  "  planwright plan diff --format markdown before.json after.json > diff.md"})
final class PlanDiffCommand implements Callable<Integer> {

    /** Exit code of {@code --fail-if-slower} when the after plan is slower. */
    static final int SLOWER = 3;

    @Spec
    private CommandSpec spec;

    @Mixin
    private FormatOption output;

    @Option(names = "--fail-if-slower", description = "Exit with 3 when AFTER is slower than BEFORE beyond the noise")
    private boolean failIfSlower;

    @Parameters(index = "0", paramLabel = "BEFORE",
            description = "The earlier plan file (any format `planwright plan` reads); - for standard input")
    private String beforeFile;

    @Parameters(index = "1", paramLabel = "AFTER",
            description = "The later plan file (any format `planwright plan` reads); - for standard input")
    private String afterFile;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (PlanFiles.STDIN.equals(beforeFile) && PlanFiles.STDIN.equals(afterFile)) {
            throw new CommandLine.ParameterException(cl, "standard input (-) can be given only once");
        }
        Plan before = parse(beforeFile);
        Plan after = parse(afterFile);
        if (before == null || after == null) {
            return ExitCodes.STATEMENT_FAILED;
        }
        PlanComparison comparison = PlanComparison.compare(before, after);
        ComparisonReport report = new ComparisonReport(beforeFile, afterFile, comparison);
        PrintWriter out = cl.getOut();
        switch (output.format()) {
            case TEXT -> DiffTextWriter.write(out, report);
            case MARKDOWN -> out.print(MarkdownReport.comparison(report));
            case JSON -> JsonReport.comparison(report, out);
        }
        out.flush();
        return failIfSlower && comparison.verdict() == PlanComparison.Verdict.SLOWER ? SLOWER : ExitCodes.OK;
    }

    /** @return the plan, or null after printing the positioned error */
    private Plan parse(String file) {
        CommandLine cl = spec.commandLine();
        String text;
        try {
            text = PlanFiles.read(file, System.in);
        } catch (PlanFiles.PlanFileException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        try {
            return PlanParser.parse(text);
        } catch (PlanParseException e) {
            cl.getErr().println(file + ":" + e.line() + ":" + e.column() + ": "
                    + e.reason().replaceAll("\\s*\\R\\s*", " ").strip());
            cl.getErr().flush();
            return null;
        }
    }
}
