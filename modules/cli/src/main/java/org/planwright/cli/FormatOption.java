package org.planwright.cli;

import java.util.Arrays;
import java.util.Locale;
import org.planwright.cli.report.ReportFormat;
import picocli.CommandLine.Option;

/**
 * The {@code --format} option that {@code explain}, {@code plan} and {@code plan diff} share (a picocli
 * {@code @Mixin}): text (default), json or markdown. Picocli fills the field; read it with {@link #format()}.
 */
final class FormatOption {

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            completionCandidates = Names.class,
            description = "Output: ${COMPLETION-CANDIDATES} (default: text). JSON: see docs/cli-json-output.md")
    private ReportFormat format;

    /** @return the chosen output format; never null once picocli has parsed the command line */
    ReportFormat format() {
        return format;
    }

    /** The --format values as users type them. */
    static final class Names extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Names() {
            super(Arrays.stream(ReportFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
