package org.planwright.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.planwright.cli.report.PlanFileError;
import org.planwright.cli.report.PlanFileResult;
import org.planwright.cli.report.StatementStatus;
import org.planwright.plans.InsightEngine;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanParseException;
import org.planwright.plans.PlanParser;

/**
 * Reads plan files for {@code planwright plan}: the text as given (UTF-8), parsed with {@link PlanParser} and
 * analysed with {@link InsightEngine}. Stateless apart from the engine; one instance per run, one thread.
 */
final class PlanFiles {

    /** The display name and source of standard input. */
    static final String STDIN = "-";

    /** A file that cannot be read at all (missing, a folder, unreadable): a usage error, exit code 2. */
    static final class PlanFileException extends Exception {
        private static final long serialVersionUID = 1L;

        PlanFileException(String message) {
            super(message);
        }
    }

    private final InsightEngine engine = new InsightEngine();

    /**
     * @param file  the file as given; {@link #STDIN} for standard input
     * @param stdin standard input
     * @return the file's text
     * @throws PlanFileException when it does not exist, is a folder or cannot be read
     */
    static String read(String file, InputStream stdin) throws PlanFileException {
        try {
            if (STDIN.equals(file)) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path path = Path.of(file);
            if (Files.isDirectory(path)) {
                throw new PlanFileException(file + ": is a folder; give plan files");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PlanFileException(file + ": no such file");
        } catch (IOException e) {
            throw new PlanFileException(file + ": cannot be read: " + PlanwrightCommand.oneLine(e));
        }
    }

    /**
     * @param file the file's display name
     * @param text its text
     * @return its plan's summary and insights, or the parser's positioned error
     */
    PlanFileResult analyze(String file, String text) {
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        Plan plan;
        try {
            plan = PlanParser.parse(text);
        } catch (PlanParseException e) {
            return new PlanFileResult(file, bytes, null, StatementStatus.FAILED,
                    new PlanFileError(e.reason().replaceAll("\\s*\\R\\s*", " ").strip(), e.line(), e.column()), null, List.of());
        }
        return new PlanFileResult(file, bytes, plan.format().name().toLowerCase(java.util.Locale.ROOT),
                StatementStatus.OK, null, ReportMapping.summary(plan),
                engine.analyze(plan).stream().map(i -> ReportMapping.insight(plan, i)).toList());
    }
}
