package org.planwright.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.planwright.sync.SyncBenchmark;
import org.planwright.sync.SyncException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code planwright sync-bench --remote URL --user ADMIN [--records N]}: sync throughput each way between two
 * scratch stores and the team server, beside a plain-JDBC baseline of the same run ({@link SyncBenchmark}).
 */
@Command(name = "sync-bench", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Measure sync throughput (records/s up and down) against a team PostgreSQL; target >= 10,000/s.")
final class SyncBenchCommand implements Callable<Integer> {

    @ParentCommand
    PlanwrightCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--remote", required = true, paramLabel = "CONNECTION", description = "The team server")
    String remote;

    @Option(names = {"-U", "--user"}, required = true, paramLabel = "ADMIN",
            description = "A role that may create the team schema (it is granted a scratch workspace)")
    String user;

    @Option(names = "--records", defaultValue = "100000", paramLabel = "N", description = "Records (default: 100000)")
    int records;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (records < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--records must be at least 1");
        }
        Path scratch = Files.createTempDirectory("planwright-sync-bench");
        try {
            SyncBenchmark.run(TeamRemote.connections(remote, user, parent.environment(), spec.commandLine(), err),
                    user, records, scratch, out);
            return ExitCodes.OK;
        } catch (SyncException e) {
            err.println("planwright: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
