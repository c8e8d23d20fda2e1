package org.planwright.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.planwright.cli.report.PlanFileResult;
import org.planwright.cli.report.PlanReportWriter;
import org.planwright.cli.report.PlanRunSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code planwright plan}: the summary and insights of saved EXPLAIN output (PostgreSQL JSON, text, XML or YAML;
 * H2; MySQL 8 JSON or tree; detected from the content), no database needed.
 * Picocli creates it; options are fields. Returns an exit code of {@link ExitCodes}: 0 all read, 1 a plan could
 * not be read (its {@code file:line:column: message} is on standard error and in the report), 2 bad usage.
 */
@Command(name = "plan", subcommands = PlanDiffCommand.class, mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Report the summary and insights of saved plans (EXPLAIN output of PostgreSQL, H2 or MySQL).",
        description = {
            "Reads execution plans as people paste them, detecting the format: PostgreSQL's EXPLAIN in FORMAT "
                    + "JSON, XML, YAML or the default text format (with or without ANALYZE, BUFFERS, VERBOSE, "
                    + "SETTINGS, WAL, SERIALIZE, MEMORY; psql output in any border, line style, wrapped, "
                    + "unaligned, CSV or expanded; pgAdmin and DBeaver copies), H2's EXPLAIN [ANALYZE], and "
                    + "MySQL 8's EXPLAIN FORMAT=JSON, FORMAT=TREE and EXPLAIN ANALYZE. No connection needed.",
            ""},
        footer = {"",
                  "Exit codes: 0 every plan was read; 1 a plan could not be read (file:line:column: message on "
                        + "standard error; the other files are still reported); 2 bad usage or a missing file.",
                  "",
                  "Example:",
                  "  psql -XAtc 'EXPLAIN (FORMAT JSON) SELECT ...' | planwright plan -",
                  "",
                  "Compare two plans: planwright plan diff BEFORE AFTER (see 'planwright plan diff --help')."})
final class PlanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private FormatOption output;

    // 0..* so that "plan diff" parses; call() asks for at least one file
    @Parameters(arity = "0..*", paramLabel = "PLAN-FILE",
            description = "Files holding one plan each (any format above); - for standard input")
    private List<String> files;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (files == null || files.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "Missing required parameter: 'PLAN-FILE'");
        }
        if (files.stream().filter(PlanFiles.STDIN::equals).count() > 1) {
            throw new CommandLine.ParameterException(cl, "standard input (-) can be given only once");
        }
        List<String> texts = new ArrayList<>();
        for (String file : files) {
            try {
                texts.add(PlanFiles.read(file, System.in));
            } catch (PlanFiles.PlanFileException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
        }
        PlanFiles reader = new PlanFiles();
        PlanReportWriter writer = output.format().planWriter(cl.getOut());
        PrintWriter err = cl.getErr();
        PlanRunSummary summary = PlanRunSummary.empty();
        writer.start(VersionProvider.version());
        for (int i = 0; i < files.size(); i++) {
            PlanFileResult result = reader.analyze(files.get(i), texts.get(i));
            if (result.error() != null) {
                err.println(result.error().positioned(result.file()));
                err.flush();
            }
            writer.plan(result);
            summary = summary.plus(result);
        }
        writer.finish(summary);
        return summary.failed() > 0 ? ExitCodes.STATEMENT_FAILED : ExitCodes.OK;
    }
}
